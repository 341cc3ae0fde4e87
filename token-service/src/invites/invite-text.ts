// What an invitation says, in the inviter's language (de/en) with the date and time in the
// inviter's time zone: the mailto subject and body and the calendar event's description. The
// guest reads these before any page of ours, so they are written out here, not in the SDK.
export type InviteLang = 'de' | 'en';
export const INVITE_LANGS: readonly InviteLang[] = ['de', 'en'];

export interface InviteWording {
  title: string;
  startsAt: string;
  durationMinutes: number;
  lang: InviteLang;
  timeZone: string;
  guestName?: string;
}

/** True for a time zone this runtime knows (IANA names such as Europe/Berlin, or UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const LOCALE: Record<InviteLang, string> = { de: 'de-DE', en: 'en-GB' };

/** "Donnerstag, 26. November 2026, 10:00–11:00 (Europe/Berlin)" in the inviter's zone. */
export function formatWhen(w: Pick<InviteWording, 'startsAt' | 'durationMinutes' | 'lang' | 'timeZone'>): string {
  const start = new Date(w.startsAt);
  const end = new Date(start.getTime() + w.durationMinutes * 60_000);
  const locale = LOCALE[w.lang];
  const day = new Intl.DateTimeFormat(locale, { timeZone: w.timeZone, dateStyle: 'full' }).format(start);
  const time = new Intl.DateTimeFormat(locale, { timeZone: w.timeZone, hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time.format(start)}–${time.format(end)} (${w.timeZone})`;
}

const TEXT = {
  de: {
    subject: (t: string) => `Einladung: ${t}`,
    greeting: (name?: string) => (name ? `Hallo ${name},` : 'Hallo,'),
    invited: (t: string) => `Sie sind zur Videokonferenz „${t}“ eingeladen.`,
    when: 'Wann',
    duration: (m: number) => `${m} Minuten`,
    join: 'Teilnehmen',
    how: 'Öffnen Sie den Link kurz vor Beginn in einem aktuellen Browser; eine Installation ist nicht nötig. Sie prüfen Kamera und Mikrofon und werden eingelassen, sobald die Konferenz beginnt.',
  },
  en: {
    subject: (t: string) => `Invitation: ${t}`,
    greeting: (name?: string) => (name ? `Hello ${name},` : 'Hello,'),
    invited: (t: string) => `You are invited to the video conference "${t}".`,
    when: 'When',
    duration: (m: number) => `${m} minutes`,
    join: 'Join',
    how: 'Open the link shortly before the start in a current browser; nothing needs to be installed. You check your camera and microphone and are let in once the conference begins.',
  },
} as const;

export function inviteSubject(w: InviteWording): string {
  return TEXT[w.lang].subject(w.title);
}

/** The invitation's text: greeting, what, when (inviter's zone), the link, how to join. */
export function inviteBody(w: InviteWording, url: string): string {
  const t = TEXT[w.lang];
  return [
    t.greeting(w.guestName),
    '',
    t.invited(w.title),
    '',
    `${t.when}: ${formatWhen(w)} – ${t.duration(w.durationMinutes)}`,
    `${t.join}: ${url}`,
    '',
    t.how,
  ].join('\r\n');
}
