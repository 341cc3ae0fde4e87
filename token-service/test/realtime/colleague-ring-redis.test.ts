// "Kollegen hinzurufen" across two token-service processes behind one Redis (a real redis-server)
// and the dev media server, whose webhooks reach process a only: the ring made on one process,
// the popup, the token of "Teilnehmen" and the chat on the other; a decline on one told to the
// inviter's page on the other.
// node-tests: alone (two token-service processes through Redis; scripts/node-tests.mjs runs no other file beside it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { waitUntil } from '../../../testing/wait.js';
import { serviceClient } from './test-client.js';
import { startTwoProcesses, stopTwoProcesses, type TwoProcesses } from './processes.js';
import { fastSettings } from './service.js';

describe('ringing a colleague into a meeting across two processes through Redis', () => {
  let parts: Partial<TwoProcesses> = {};
  const people: SignalParticipant[] = [];

  const onA = serviceClient(() => parts.a!);
  const onB = serviceClient(() => parts.b!);

  before(async () => {
    parts = await startTwoProcesses({ ...fastSettings, roomRingTimeoutMs: 30_000 });
    const { a, media } = parts as TwoProcesses;
    const token = await a.post('/v1/token', 'anna', { room: 'vertrieb' });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    people.push(await SignalParticipant.join(media.url, token.body.token, { dataChannels: false }));
    await waitUntil(async () => (await onA.get('/v1/rooms/vertrieb', 'anna')).body.participants?.length === 1, 'Anna in the meeting');
  });
  after(async () => {
    for (const p of [...onA.pages, ...onB.pages]) p.ws.terminate();
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await stopTwoProcesses(parts);
  });

  it('a ring made on one process is taken up on the other: popup, token, chat', async () => {
    const { a, b, media } = parts as TwoProcesses;
    const david = await onA.page('david');
    const rung = await b.post('/v1/rooms/vertrieb/ring-colleagues', 'anna', { userIds: ['david'] });
    assert.equal(rung.status, 201, JSON.stringify(rung.body));
    assert.equal(rung.body.rung[0].outcome, 'ringing');
    await david.next('room-ring', (m) => m.ring.id === rung.body.ringId);
    const token = await a.post('/v1/token', 'david', { room: 'vertrieb' });
    assert.equal(token.status, 200, JSON.stringify(token.body));
    assert.equal(token.body.role, 'member');
    await david.next('room-ring-ended', (m) => m.id === rung.body.ringId);
    people.push(await SignalParticipant.join(media.url, token.body.token, { dataChannels: false }));
    // The grant holds on the process that did not make it.
    await waitUntil(async () => (await onB.get('/v1/rooms/vertrieb', 'david')).body.participants?.some((p: { identity: string }) => p.identity === 'david'), 'David in the meeting, seen on b');
    assert.equal((await b.post('/v1/rooms/vertrieb/chat', 'david', { text: 'Da bin ich' })).status, 201);
    assert.equal((await onB.get('/v1/rooms/vertrieb/chat', 'david')).status, 200);
  });

  it('a decline on one process reaches the inviter\'s page on the other', async () => {
    const { a, b } = parts as TwoProcesses;
    const anna = await onA.page('anna');
    const emma = await onB.page('emma');
    const rung = await a.post('/v1/rooms/vertrieb/ring-colleagues', 'anna', { userIds: ['emma'] });
    assert.equal(rung.status, 201, JSON.stringify(rung.body));
    await emma.next('room-ring', (m) => m.ring.id === rung.body.ringId);
    assert.deepEqual((await b.post('/v1/rooms/vertrieb/ring/decline', 'emma', {})).body, { declined: true });
    const told = await anna.next('colleague-ring-answer', (m) => m.ring === rung.body.ringId);
    assert.deepEqual([told.user.id, told.outcome], ['emma', 'declined']);
    assert.equal((await a.post('/v1/token', 'emma', { room: 'vertrieb' })).status, 403);
  });
});
