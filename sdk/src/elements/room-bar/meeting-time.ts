// When the next meeting starts, as a person says it: "heute 14:00" / "today 14:00", "morgen 09:30",
// a weekday within the week, else the date; in the page's locale and time zone.
const DAY_MS = 86_400_000;

/** Calendar days from `now` to `date` in local time (0 today, 1 tomorrow). */
function dayOffset(date: Date, now: Date): number {
  const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  return Math.round((midnight(date) - midnight(now)) / DAY_MS);
}

export function meetingTime(iso: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // timeStyle: the locale's own clock (14:00, 2:00 PM), the same in every browser.
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
  const offset = dayOffset(date, now);
  if (offset >= -1 && offset <= 1) return `${new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(offset, 'day')} ${time}`;
  if (offset > 1 && offset < 7) return `${new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date)} ${time}`;
  return `${new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(date)} ${time}`;
}
