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
  outgoingCall: {
    title: 'Ausgehender Videocall',
    calling: (name) => `${name} wird angerufen …`,
    ringing: (name) => `Es klingelt bei ${name} …`,
    connecting: (name) => `Verbindung mit ${name} wird aufgebaut …`,
    declined: (name) => `${name} hat den Anruf abgelehnt.`,
    busy: (name) => `${name} ist gerade in einem anderen Gespräch.`,
    noAnswer: (name) => `${name} nimmt nicht ab.`,
    cancelled: 'Der Anruf wurde abgebrochen.',
    failed: 'Der Anruf ist fehlgeschlagen.',
    cancel: 'Auflegen',
    close: 'Schließen',
  },
  roomRing: {
    title: 'Einladung zur Videobesprechung',
    body: (caller, room) => `${caller} ruft alle Mitglieder von „${room}“ zu einer Besprechung.`,
    join: 'Teilnehmen',
    dismiss: 'Später',
  },
  notifications: {
    region: 'Anrufe',
  },
  errors: {
    fallback: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    network_error: 'Der Anrufdienst ist nicht erreichbar.',
    unauthorized: 'Sie sind nicht angemeldet.',
    token_expired: 'Ihre Anmeldung ist abgelaufen. Bitte laden Sie die Seite neu.',
    not_found: 'Den Anruf gibt es nicht mehr.',
    not_a_member: 'Sie sind kein Mitglied dieses Raumes.',
    busy: 'Der Kontakt ist gerade in einem anderen Gespräch.',
    rate_limited: 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
    invalid_input: 'Die Anfrage war ungültig.',
    not_configured: 'TIMIO ist auf dieser Seite nicht eingerichtet.',
  },
};
