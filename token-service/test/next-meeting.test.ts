// The room bar's "next meeting": the room status pushed to watching pages carries the earliest
// open invite of the room that has not ended (title, start, duration), pushed again when an invite
// is created or withdrawn; no polling. Against the dev media server (the status reads the room's
// participants from its RoomService).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RoomStatus } from '#protocol/realtime.js';
import { nextMeetingOf } from '../src/invites/next-meeting.js';
import type { StoredInvite } from '../src/invites/invite-store.js';
import { api, portalToken, startServiceWithMedia, type ServiceWithMedia } from './helpers.js';
import { TestPage } from './realtime/pages.js';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('the next scheduled meeting in the room status', () => {
  let s: ServiceWithMedia;
  const pages: TestPage[] = [];
  before(async () => {
    s = await startServiceWithMedia();
  });
  after(async () => {
    for (const p of pages) p.close();
    await s.close();
  });

  const invite = async (body: Record<string, unknown>) => {
    const res = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body });
    assert.equal(res.status, 201, res.text);
    return res.body as { id: string };
  };
  const roomFrame = (p: TestPage, match: (r: RoomStatus) => boolean) => p.next('room', (m) => m.room.id === 'vertrieb' && match(m.room)).then((m) => m.room);

  test('a member watching the room gets the next meeting, and the change when invites come and go', async () => {
    const { page: ben } = await TestPage.ready(s.base.replace('http', 'ws') + '/v1/realtime', portalToken('ben'));
    pages.push(ben);
    ben.send({ type: 'watch-rooms', add: ['vertrieb'] });
    const first = await roomFrame(ben, () => true);
    assert.equal(first.nextMeeting, undefined, 'no invites, no next meeting');

    const later = inHours(26);
    const laterInvite = await invite({ title: 'Planung', startsAt: later, durationMinutes: 30, guestName: 'Ole Gast' });
    const planned = await roomFrame(ben, (r) => r.nextMeeting?.title === 'Planung');
    assert.deepEqual(planned.nextMeeting, { title: 'Planung', startsAt: later, durationMinutes: 30 });
    assert.equal(planned.running, false);

    const sooner = inHours(2);
    const soonerInvite = await invite({ title: 'Angebot Müller', startsAt: sooner, durationMinutes: 60, guestName: 'Maria Gast' });
    const next = await roomFrame(ben, (r) => r.nextMeeting?.title === 'Angebot Müller');
    assert.deepEqual(next.nextMeeting, { title: 'Angebot Müller', startsAt: sooner, durationMinutes: 60 });

    // Withdrawing the sooner invite makes the later one the next again; withdrawing that, none.
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${soonerInvite.id}`, { token: portalToken('anna') })).status, 200);
    await roomFrame(ben, (r) => r.nextMeeting?.title === 'Planung');
    assert.equal((await api(s.base, 'DELETE', `/v1/rooms/vertrieb/invites/${laterInvite.id}`, { token: portalToken('anna') })).status, 200);
    await roomFrame(ben, (r) => r.nextMeeting === undefined);
  });

  test('the earliest meeting that has not ended; ended, revoked and older invites do not count', async () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    const base = { room: 'vertrieb', createdBy: 'anna', expiresAt: '2026-12-05T00:00:00Z' };
    const invites: Array<StoredInvite & { id: string }> = [
      { ...base, id: 'ended', title: 'Vorbei', startsAt: '2026-12-03T10:00:00Z', durationMinutes: 60 },
      { ...base, id: 'older' }, // an invite of an older version: no appointment
      { ...base, id: 'later', title: 'Später', startsAt: '2026-12-04T09:00:00Z', durationMinutes: 30 },
      { ...base, id: 'running', title: 'Läuft noch', startsAt: '2026-12-03T11:30:00Z', durationMinutes: 60 },
    ];
    const store = { open: async () => invites };
    assert.deepEqual(await nextMeetingOf(store, 'vertrieb', now), { title: 'Läuft noch', startsAt: '2026-12-03T11:30:00Z', durationMinutes: 60 });
    assert.deepEqual(await nextMeetingOf(store, 'vertrieb', Date.parse('2026-12-03T13:00:00Z')), { title: 'Später', startsAt: '2026-12-04T09:00:00Z', durationMinutes: 30 });
    assert.equal(await nextMeetingOf(store, 'vertrieb', Date.parse('2026-12-04T10:00:00Z')), undefined);
  });
});
