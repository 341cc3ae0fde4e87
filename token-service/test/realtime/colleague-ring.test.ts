// "Kollegen hinzurufen" through the real token service and the dev media server: someone in the
// Vertrieb meeting rings colleagues into it (POST /v1/rooms/:room/ring-colleagues). Only someone in
// the meeting may; only directory users; David (no member of Vertrieb) gets the room's invitation
// popup, a token for that room on "Teilnehmen" and the chat from then on; declined, no answer and
// offline come back to the inviter as `colleague-ring-answer` frames; the decline limit of calls
// applies; the call history records the meeting and the declined ring.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { waitUntil } from '../../../testing/wait.js';
import { fastSettings, startServiceWithMedia, type RunningService } from './service.js';
import { serviceClient } from './test-client.js';

describe('ringing a colleague into a running meeting', () => {
  let media: MediaServer;
  let s: RunningService;
  const people: SignalParticipant[] = [];
  const { pages, page, get } = serviceClient(() => s);
  const join = async (user: string) => {
    const res = await s.post('/v1/token', user, { room: 'vertrieb' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const p = await SignalParticipant.join(media.url, res.body.token, { dataChannels: false });
    people.push(p);
    return p;
  };
  const ring = (by: string, userIds: unknown) => s.post('/v1/rooms/vertrieb/ring-colleagues', by, { userIds });
  const inMeeting = (who: string) => waitUntil(async () => (await get('/v1/rooms/vertrieb', 'anna')).body.participants.some((p: { identity: string }) => p.identity === who), `${who} in the meeting`);

  before(async () => {
    ({ media, s } = await startServiceWithMedia({ ...fastSettings, roomRingTimeoutMs: 2_500 }, { CALL_RETRY_AFTER_DECLINE_SECONDS: '60' }));
  });
  after(async () => {
    for (const p of pages) p.ws.terminate();
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await s?.close();
    await media?.close();
  });

  it('refuses anyone not in the running meeting, and bad input', async () => {
    await page('david');
    // No meeting runs: nobody is in it.
    const none = await ring('anna', ['david']);
    assert.equal(none.status, 403, JSON.stringify(none.body));
    assert.equal(none.body.error.code, 'not_in_meeting');
    await join('anna');
    await inMeeting('anna');
    // Ben is a member of the room but not in its meeting.
    const ben = await ring('ben', ['david']);
    assert.equal(ben.status, 403);
    assert.equal(ben.body.error.code, 'not_in_meeting');
    // David is in no way part of Vertrieb.
    assert.equal((await ring('david', ['carla'])).body.error.code, 'not_in_meeting');
    for (const bad of [undefined, [], 'david', [42], ['a:b'], ['david', 'david'], Array.from({ length: 11 }, (_, i) => `u${i}`)]) {
      const res = await ring('anna', bad);
      assert.equal(res.status, 400, `${JSON.stringify(bad)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'invalid_input');
    }
    const unknown = await ring('anna', ['david', 'nobody']);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
    assert.match(unknown.body.error.message, /nobody/);
    assert.equal((await s.post('/v1/rooms/nowhere/ring-colleagues', 'anna', { userIds: ['david'] })).status, 404);
    assert.equal((await ring('anna', ['anna'])).status, 400);
    assert.equal((await s.post('/v1/rooms/vertrieb/ring-colleagues', undefined, { userIds: ['david'] })).status, 401);
  });

  it('rings David, who is no member: "Teilnehmen" gives him the room only, the chat from then on, and his history the meeting', async () => {
    const anna = await page('anna');
    const david = await page('david');
    // Before any ring David reaches nothing of the room.
    assert.equal((await get('/v1/rooms/vertrieb', 'david')).status, 403);
    assert.equal((await s.post('/v1/token', 'david', { room: 'vertrieb' })).status, 403);
    const before = await s.post('/v1/rooms/vertrieb/chat', 'anna', { text: 'Vor David' });
    assert.equal(before.status, 201, JSON.stringify(before.body));

    const res = await ring('anna', ['david', 'carla']);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const byId = new Map((res.body.rung as Array<{ id: string; outcome: string; name: string }>).map((r) => [r.id, r]));
    assert.equal(byId.get('david')?.outcome, 'ringing');
    assert.equal(byId.get('david')?.name, 'David Kim');
    // Carla has no page open: offline, not rung, and Anna is told.
    assert.equal(byId.get('carla')?.outcome, 'offline');
    const offline = await anna.next('colleague-ring-answer', (m) => m.user.id === 'carla');
    assert.equal(offline.outcome, 'offline');

    const popup = await david.next('room-ring', (m) => m.ring.room === 'vertrieb');
    assert.deepEqual([popup.ring.caller.id, popup.ring.roomName, popup.ring.id, popup.ring.direct], ['anna', 'Vertrieb', res.body.ringId, true]);
    // Ringing is no right yet: the status and the chat stay closed until he takes it up.
    assert.equal((await get('/v1/rooms/vertrieb', 'david')).status, 403);
    assert.equal((await get('/v1/rooms/vertrieb/chat', 'david')).status, 403);
    // A page he opens now shows the ring too (silent).
    const second = await page('david');
    const late = await second.next('room-ring', (m) => m.ring.id === res.body.ringId);
    assert.equal(late.ring.silent, true);

    // "Teilnehmen": a member's token, never a moderator's, and the popup ends on his other pages.
    const token = await s.post('/v1/token', 'david', { room: 'vertrieb', moderator: true });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(token.body.role, 'member');
    assert.equal(token.body.canModerate, false);
    await second.next('room-ring-ended', (m) => m.id === res.body.ringId);
    people.push(await SignalParticipant.join(media.url, token.body.token, { dataChannels: false }));
    await inMeeting('david');
    assert.equal((await get('/v1/rooms/vertrieb', 'david')).status, 200);

    // The chat from his arrival on, like a guest's; he writes in it like anyone present.
    const after = await s.post('/v1/rooms/vertrieb/chat', 'anna', { text: 'Hallo David' });
    assert.equal(after.status, 201);
    assert.equal((await s.post('/v1/rooms/vertrieb/chat', 'david', { text: 'Hallo zusammen' })).status, 201);
    const chat = await get('/v1/rooms/vertrieb/chat', 'david');
    assert.deepEqual(chat.body.messages.map((m: { text: string }) => m.text), ['Hallo David', 'Hallo zusammen']);
    assert.ok((await get('/v1/rooms/vertrieb/chat', 'anna')).body.messages.some((m: { text: string }) => m.text === 'Vor David'));
    // Moderator actions stay the room's moderators'.
    assert.equal((await s.post('/v1/rooms/vertrieb/moderator', 'david', {})).status, 403);
    assert.equal((await s.post('/v1/rooms/vertrieb/end', 'david', {})).status, 403);
    // Ringing someone already present reports it and rings nobody.
    const again = await ring('anna', ['david']);
    assert.equal(again.body.rung[0].outcome, 'present');

    await waitUntil(async () => {
      const h = await get('/v1/history', 'david');
      return h.body.entries.some((e: { kind: string; room?: { id: string }; with?: { id: string } }) => e.kind === 'meeting' && e.room?.id === 'vertrieb' && e.with?.id === 'anna');
    }, 'David\'s history records the meeting he was rung into');
  });

  it('tells the inviter of a decline and of no answer; after a decline the same ring waits', async () => {
    const anna = await page('anna');
    const emma = await page('emma');
    const felix = await page('felix');
    const res = await ring('anna', ['emma', 'felix']);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await emma.next('room-ring', (m) => m.ring.id === res.body.ringId);
    await felix.next('room-ring', (m) => m.ring.id === res.body.ringId);

    const declined = await s.post('/v1/rooms/vertrieb/ring/decline', 'emma', {});
    assert.deepEqual([declined.status, declined.body], [200, { declined: true }]);
    const told = await anna.next('colleague-ring-answer', (m) => m.user.id === 'emma');
    assert.deepEqual([told.outcome, told.room, told.ring, told.user.name], ['declined', 'vertrieb', res.body.ringId, 'Emma Weber']);
    await emma.next('room-ring-ended', (m) => m.id === res.body.ringId);
    // Declined is over: no token.
    assert.equal((await s.post('/v1/token', 'emma', { room: 'vertrieb' })).status, 403);
    // Felix lets it ring out.
    const noAnswer = await anna.next('colleague-ring-answer', (m) => m.user.id === 'felix');
    assert.equal(noAnswer.outcome, 'no_answer');
    await felix.next('room-ring-ended', (m) => m.id === res.body.ringId);
    // The limit of calls: not the same person again right after a decline.
    const soon = await ring('anna', ['emma']);
    assert.equal(soon.status, 429, JSON.stringify(soon.body));
    assert.equal(soon.body.error.code, 'rate_limited');
    await waitUntil(async () => (await get('/v1/history', 'emma')).body.entries.some((e: { outcome: string; room?: { id: string } }) => e.outcome === 'declined' && e.room?.id === 'vertrieb'), 'Emma\'s history records the declined ring');
  });
});
