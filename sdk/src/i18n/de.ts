import type { Catalog } from './catalog.js';

export const de: Catalog = {
  locale: 'de-DE',
  presence: {
    online: 'Angemeldet',
    offline: 'Nicht angemeldet',
    busy: 'Im Gespräch',
  },
  callButton: {
    start: (name) => `Videocall mit ${name} starten`,
    busy: (name) => `${name} ist gerade im Gespräch`,
    inCall: 'Sie sind bereits in einem Gespräch',
  },
  contactMenu: {
    label: (name) => `Kontaktmenü von ${name}`,
    startCall: 'Videocall starten',
    keyboardHint: 'Kontaktmenü mit Umschalt+F10',
    notSignedIn: (name) => `${name} ist nicht angemeldet – kein Videocall möglich.`,
  },
  incomingCall: {
    title: 'Eingehender Videocall',
    from: (name) => `${name} ruft Sie an`,
    accept: 'Annehmen',
    decline: 'Ablehnen',
    muteRing: 'Klingelton aus',
    unmuteRing: 'Klingelton ein',
    desktopTitle: (name) => `Videocall von ${name}`,
    desktopBody: 'Klicken Sie hier, um zum Anruf zu wechseln.',
  },
  roomRing: {
    title: 'Einladung zur Videobesprechung',
    body: (caller, room, direct) => (direct ? `${caller} ruft Sie in die Besprechung „${room}“.` : `${caller} ruft alle Mitglieder von „${room}“ zu einer Besprechung.`),
    join: 'Teilnehmen',
    dismiss: 'Später',
  },
  notifications: {
    close: 'Schließen',
  },
  roomBar: {
    label: (room) => `Besprechung im Raum ${room}`,
    idle: 'Keine laufende Besprechung',
    running: (n) => (n === 1 ? 'Besprechung läuft · 1 Person' : `Besprechung läuft · ${n} Personen`),
    people: 'In der Besprechung',
    more: (n) => `und ${n} weitere`,
    join: 'Teilnehmen',
    start: 'Besprechung starten',
    show: 'Zur Besprechung',
    ringAll: 'Alle Mitglieder rufen',
    next: (when) => `Nächste Besprechung: ${when}`,
    cancel: 'Abbrechen',
  },

  errors: {
    fallback: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    network_error: 'Der Anrufdienst ist nicht erreichbar.',
    unauthorized: 'Sie sind nicht angemeldet.',
    token_expired: 'Ihre Anmeldung ist abgelaufen. Bitte laden Sie die Seite neu.',
    not_found: 'Den Anruf gibt es nicht mehr.',
    not_a_member: 'Sie sind kein Mitglied dieses Raumes.',
    rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
    invalid_input: 'Die Anfrage war ungültig.',
    not_configured: 'TIMIO ist auf dieser Seite nicht eingerichtet.',
  },
};
