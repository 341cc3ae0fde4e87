// The invite's calendar entry as a calendar program reads it: the .ics fetched over real HTTP is
// parsed with ical.js (Mozilla's iCalendar parser, as used by Thunderbird), not matched line by
// line, in German and in English; and the mailto text of a German inviter is German throughout.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { api, fixedDayService, portalToken, type RunningService } from './helpers.js';

const anna = () => portalToken('anna');

describe('the invite calendar entry, parsed', () => {
  // The meetings are on Thursday 3 December 2026, the service's calendar two days before (helpers.ts fixedDayService).
  const fixedDay = fixedDayService();
  const invite = fixedDay.invite;
  let s: RunningService;
  before(() => void (s = fixedDay.service()));

  /** The one VEVENT of the invite's .ics, as ical.js reads it. */
  async function event(id: string): Promise<ICAL.Event> {
    const ics = await api(s.base, 'GET', `/v1/rooms/vertrieb/invites/${id}/calendar.ics`, { token: anna() });
    assert.equal(ics.status, 200, ics.text);
    const calendar = new ICAL.Component(ICAL.parse(ics.text));
    const events = calendar.getAllSubcomponents('vevent');
    assert.equal(events.length, 1, 'one event');
    return new ICAL.Event(events[0]!);
  }

  const cases = [
    { lang: 'de', timeZone: 'Europe/Berlin', title: 'Angebot Müller', startsAt: '2026-12-03T09:00:00.000Z', durationMinutes: 60, when: 'Wann: Donnerstag, 3. Dezember 2026, 10:00–11:00 (Europe/Berlin)', join: 'Teilnehmen: ' },
    { lang: 'en', timeZone: 'America/New_York', title: 'Quarterly review, Q4; "final"', startsAt: '2026-12-03T15:30:00.000Z', durationMinutes: 45, when: 'When: Thursday, 3 December 2026, 10:30–11:15 (America/New_York)', join: 'Join: ' },
  ] as const;

  for (const c of cases) {
    test(`${c.lang}: start, duration, title, link and text as a calendar reads them`, async () => {
      const inv = await invite({ title: c.title, startsAt: c.startsAt, durationMinutes: c.durationMinutes, lang: c.lang, timeZone: c.timeZone, guestName: 'Maria Gast' });
      const ev = await event(inv.id);
      assert.equal(ev.summary, c.title);
      assert.equal(ev.uid, `${inv.id}@timio`);
      assert.equal(ev.startDate.toJSDate().toISOString(), c.startsAt, 'the start instant');
      assert.equal(ev.duration.toSeconds(), c.durationMinutes * 60);
      assert.equal(ev.endDate.toJSDate().getTime() - Date.parse(c.startsAt), c.durationMinutes * 60_000);
      assert.equal(ev.component.getFirstPropertyValue('url'), inv.url);
      assert.equal(ev.location, inv.url);
      assert.ok(ev.description.includes(c.when), ev.description);
      assert.ok(ev.description.includes(`${c.join}${inv.url}`), ev.description);
    });
  }

  test('a German inviter: the mailto subject and body are German, with the link', async () => {
    const inv = await invite({ title: 'Angebot Müller', startsAt: '2026-12-03T09:00:00.000Z', durationMinutes: 30, lang: 'de', timeZone: 'Europe/Berlin', guestName: 'Maria Gast' });
    const mail = new URL(inv.mailto);
    assert.equal(mail.searchParams.get('subject'), 'Einladung: Angebot Müller');
    const body = mail.searchParams.get('body')!;
    assert.deepEqual(body.split('\r\n'), [
      'Hallo Maria Gast,',
      '',
      'Sie sind zur Videokonferenz „Angebot Müller“ eingeladen.',
      '',
      'Wann: Donnerstag, 3. Dezember 2026, 10:00–10:30 (Europe/Berlin) – 30 Minuten',
      `Teilnehmen: ${inv.url}`,
      '',
      'Öffnen Sie den Link kurz vor Beginn in einem aktuellen Browser; eine Installation ist nicht nötig. Sie prüfen Kamera und Mikrofon und werden eingelassen, sobald die Konferenz beginnt.',
    ]);
    assert.doesNotMatch(body + mail.searchParams.get('subject'), /\b(Invitation|Hello|When|Join|minutes)\b/);
  });
});
