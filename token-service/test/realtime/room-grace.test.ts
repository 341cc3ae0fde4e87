// The room status through a page change, with the token service and the dev media server (LiveKit
// signalling, RoomService, signed webhooks). livekit-client leaves the room when a page goes (the
// same leave as "Konferenz verlassen"), so the media server reports `participant_left` either way:
// someone who left without the goodbye (`POST /v1/rooms/:room/leave`) keeps counting for the
// grace, a page change never shows the room bar 2 → 1 → 2, a real leave and the meeting's end drop
// at once. Participants are SignalParticipants with tokens the service issued.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RoomStatus } from '#protocol/realtime.js';
import type { MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { TestPage } from './pages.js';
import { fastSettings, portalToken, startServiceWithMedia, type RunningService } from './service.js';

/** Long enough that a goodbye's drop "at once" is told apart from the grace on a busy machine. */
const GRACE_MS = 10_000;

describe('room status: a page change keeps counting, a real leave does not', () => {
  let media: MediaServer;
  let s: RunningService;
  const pages: TestPage[] = [];
  const people: SignalParticipant[] = [];

  const join = async (user: string) => {
    const res = await s.post('/v1/token', user, { room: 'vertrieb' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const p = await SignalParticipant.join(media.url, res.body.token, { dataChannels: false });
    people.push(p);
    return p;
  };
  const watcher = async () => {
    const { page } = await TestPage.ready(s.wsUrl, portalToken('felix'));
    pages.push(page);
    page.send({ type: 'watch-rooms', add: ['vertrieb'] });
    return page;
  };
  const status = async (user: string) => {
    const res = await fetch(`${s.url}/v1/rooms/vertrieb`, { headers: { authorization: `Bearer ${portalToken(user)}` } });
    assert.equal(res.status, 200);
    return (await res.json()) as { running: boolean; ended: boolean };
  };
  const frames = (p: TestPage) => p.received.filter((m) => m.type === 'room').map((m) => (m as { room: RoomStatus }).room);
  const roomFrame = (p: TestPage, match: (r: RoomStatus) => boolean) => p.next('room', (m) => m.room.id === 'vertrieb' && match(m.room)).then((m) => m.room);

  before(async () => {
    ({ media, s } = await startServiceWithMedia({ ...fastSettings, roomRejoinGraceMs: GRACE_MS }));
  });
  after(async () => {
    for (const p of pages) p.ws.terminate();
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await s?.close();
    await media?.close();
  });

  it('a page change: Ben leaves the room and joins from his next page; Felix\'s count stays 2 and Ben stays busy', async () => {
    const felix = await watcher();
    await roomFrame(felix, () => true);
    // Ben's portal page (presence) stays connected through the test; Felix watches him.
    const { page: benPortal } = await TestPage.ready(s.wsUrl, portalToken('ben'));
    pages.push(benPortal);
    felix.send({ type: 'watch', add: ['ben'] });
    await felix.presence('ben', 'online');
    const anna = await join('anna');
    const ben = await join('ben');
    await roomFrame(felix, (r) => r.count === 2);
    await felix.presence('ben', 'busy');
    felix.received.length = 0;
    // His page goes (livekit-client's leave on pagehide): LiveKit reports him gone, the status does not.
    await ben.leave();
    const during = await roomFrame(felix, () => true);
    assert.equal(during.count, 2, `Ben still counts during his page change: ${JSON.stringify(during)}`);
    assert.deepEqual(during.participants.map((p) => p.identity).sort(), ['anna', 'ben']);
    const back = await join('ben');
    await roomFrame(felix, (r) => r.count === 2);
    assert.ok(frames(felix).every((r) => r.count === 2), `never 1: ${JSON.stringify(frames(felix).map((r) => r.count))}`);
    const benPresence = () => felix.received.filter((m) => m.type === 'presence').flatMap((m) => (m as { users: Array<{ id: string; status: string }> }).users).filter((u) => u.id === 'ben');
    assert.deepEqual(benPresence(), [], 'Ben stayed busy through his page change (no busy → online → busy)');

    // His tab closes for good, without the goodbye: he counts until the grace is over, then goes.
    const closedAt = Date.now();
    await back.leave();
    const dropped = await roomFrame(felix, (r) => r.count === 1);
    assert.ok(Date.now() - closedAt >= GRACE_MS - 1_000, `not before the grace (${Date.now() - closedAt} ms)`);
    assert.deepEqual(dropped.participants.map((p) => p.identity), ['anna']);
    await felix.presence('ben', 'online'); // out of the meeting with the grace, his portal page still open

    // Anna leaves with "Konferenz verlassen": the goodbye, then the room; the count drops at once.
    const bye = await s.post('/v1/rooms/vertrieb/leave', 'anna', {});
    assert.equal(bye.status, 200, JSON.stringify(bye.body));
    assert.deepEqual(bye.body, { room: 'vertrieb', identity: 'anna' });
    const leftAt = Date.now();
    await anna.leave();
    const empty = await roomFrame(felix, (r) => r.count === 0);
    assert.ok(Date.now() - leftAt < GRACE_MS, `at once, not after the grace (${Date.now() - leftAt} ms)`);
    assert.equal(empty.running, false);
  });

  it('the goodbye after LiveKit reported the leave drops at once too; only members and their guests may say it', async () => {
    const felix = await watcher();
    await roomFrame(felix, (r) => r.count === 0);
    const carla = await join('carla');
    await roomFrame(felix, (r) => r.count === 1);
    felix.received.length = 0;
    await carla.leave();
    assert.equal((await roomFrame(felix, () => true)).count, 1, 'reported gone, still counted');
    const at = Date.now();
    assert.equal((await s.post('/v1/rooms/vertrieb/leave', 'carla', {})).status, 200);
    await roomFrame(felix, (r) => r.count === 0);
    assert.ok(Date.now() - at < GRACE_MS, `at once (${Date.now() - at} ms)`);
    const stranger = await s.post('/v1/rooms/vertrieb/leave', 'david', {});
    assert.equal(stranger.status, 403, JSON.stringify(stranger.body));
    assert.equal(stranger.body.error.code, 'not_a_member');

    // Removed by a moderator: sent out for good, no grace either.
    const ben = await join('ben');
    await roomFrame(felix, (r) => r.count === 1);
    felix.received.length = 0;
    const removedAt = Date.now();
    const removed = await fetch(`${s.url}/v1/rooms/vertrieb/participants/ben`, { method: 'DELETE', headers: { authorization: `Bearer ${portalToken('anna')}` } });
    assert.equal(removed.status, 200, await removed.text());
    await roomFrame(felix, (r) => r.count === 0);
    assert.ok(Date.now() - removedAt < GRACE_MS, `at once (${Date.now() - removedAt} ms)`);
    await ben.close();
  });

  it('the moderator ends the meeting: nobody keeps counting; until someone joins again the room says it was ended', async () => {
    const felix = await watcher();
    await roomFrame(felix, (r) => r.count === 0);
    await join('anna');
    await join('ben');
    await roomFrame(felix, (r) => r.count === 2);
    felix.received.length = 0;
    const at = Date.now();
    const end = await s.post('/v1/rooms/vertrieb/end', 'anna', {});
    assert.equal(end.status, 200, JSON.stringify(end.body));
    const over = await roomFrame(felix, (r) => r.count === 0);
    assert.equal(over.running, false);
    assert.ok(Date.now() - at < GRACE_MS, `at once (${Date.now() - at} ms)`);
    felix.received.length = 0;
    // A page of Ben's that held the meeting asks before joining again: ended, so it starts no new one.
    assert.equal((await status('ben')).ended, true);
    // Their leaves (reported with the end) brought nobody back into the count.
    assert.ok(!frames(felix).some((r) => r.count > 0), JSON.stringify(frames(felix)));
    await join('carla');
    await roomFrame(felix, (r) => r.count === 1);
    const running = await status('ben');
    assert.equal(running.ended, false);
    assert.equal(running.running, true);
  });
});
