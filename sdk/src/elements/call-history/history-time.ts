// How the history says when and how long: relative for the last week ("vor 5 Minuten",
// "gestern"), a date after that; durations as m:ss (h:mm:ss from an hour on). Pure functions of the
// instant, now and the language, so a test can fix them.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "vor 5 Minuten" / "5 minutes ago" within a week of `now`, else a short date and time. */
export function whenText(at: string, now: number, lang: string): string {
  const ms = Date.parse(at);
  const ago = now - ms;
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (ago < MINUTE) return relative.format(0, 'second');
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return relative.format(-Math.round(ago / DAY), 'day');
  return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

/** The full date and time (the tooltip of the relative text). */
export function exactTime(at: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(at));
}

/** 65 → "1:05", 3725 → "1:02:05". */
export function durationText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
