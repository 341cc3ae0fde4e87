// A call turned meeting across two token-service processes behind one Redis (a real redis-server)
// and the dev media server, whose webhooks reach process a only: the call placed on a and answered
// on b, converted on a; the converted end reaches the callee's page on b, the colleague's popup and
// "Teilnehmen" happen on b, a decline on b reaches the inviter on a, the access rules hold on both,
// and the moderator's end on b ends it for a too.
// node-tests: alone (two token-service processes through Redis; scripts/node-tests.mjs runs no other file beside it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallInfo } from '#protocol/realtime.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { waitUntil } from '../../../testing/wait.js';
import { serviceClient } from './test-client.js';
import { startTwoProcesses, stopTwoProcesses, type TwoProcesses } from './processes.js';
import { fastSettings } from './service.js';

describe('a call turned meeting across two processes through Redis', () => {
  let parts: Partial<TwoProcesses> = {};
  const people: SignalParticipant[] = [];

  const onA = serviceClient(() => parts.a!);
  const onB = serviceClient(() => parts.b!);

  before(async () => {
    parts = await startTwoProcesses({ ...fastSettings, ringTimeoutMs: 30_000, roomRingTimeoutMs: 30_000 });
  });
  after(async () => {
    for (const p of [...onA.pages, ...onB.pages]) p.ws.terminate();
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await stopTwoProcesses(parts);
  });

  it('converted on one process, taken up, declined and ended on the other', async () => {
    const { a, b, media } = parts as TwoProcesses;
    const anna = await onA.page('anna');
    const ben = await onB.page('ben');
    const carla = await onB.page('carla');
    const david = await onB.page('david');
    const started = await a.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const accepted = await b.post(`/v1/calls/${started.body.call.id}/accept`, 'ben');
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const call = accepted.body.call as CallInfo;
    people.push(await SignalParticipant.join(media.url, started.body.token, { dataChannels: false }));
    people.push(await SignalParticipant.join(media.url, accepted.body.token, { dataChannels: false }));

    // Only a party may add, on either process.
    assert.equal((await b.post(`/v1/calls/${call.id}/add-people`, 'carla', { userIds: ['david'] })).status, 403);
    const res = await a.post(`/v1/calls/${call.id}/add-people`, 'anna', { userIds: ['carla', 'david'] });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const ended = await ben.call('ended', 'completed');
    assert.deepEqual([ended.reason, ended.meeting?.room], ['converted', call.room]);
    await anna.call('ended', 'completed');
    await carla.next('room-ring', (m) => m.ring.id === res.body.ringId);
    await david.next('room-ring', (m) => m.ring.id === res.body.ringId);

    // The room's rules on b, which did not convert it.
    const annaToken = await b.post('/v1/token', 'anna', { room: call.room, moderator: true });
    assert.deepEqual([annaToken.status, annaToken.body.canModerate, annaToken.body.role], [200, true, 'moderator']);
    const benToken = await b.post('/v1/token', 'ben', { room: call.room });
    assert.deepEqual([benToken.status, benToken.body.canModerate], [200, false]);
    assert.equal((await b.post('/v1/token', 'felix', { room: call.room })).status, 403);
    assert.equal((await onB.get(`/v1/rooms/${call.room}`, 'felix')).status, 403);
    assert.equal((await onB.get(`/v1/rooms/${call.room}`, 'ben')).body.kind, 'meeting');

    // Carla takes it up on b; a knows her as a member.
    const carlaToken = await b.post('/v1/token', 'carla', { room: call.room });
    assert.deepEqual([carlaToken.status, carlaToken.body.role], [200, 'member'], JSON.stringify(carlaToken.body));
    await carla.next('room-ring-ended', (m) => m.id === res.body.ringId);
    people.push(await SignalParticipant.join(media.url, carlaToken.body.token, { dataChannels: false }));
    await waitUntil(async () => (await onA.get(`/v1/rooms/${call.room}`, 'carla')).body.participants?.some((p: { identity: string }) => p.identity === 'carla'), 'Carla in the meeting, seen on a');
    // David declines on b; Anna's page on a is told.
    assert.deepEqual((await b.post(`/v1/rooms/${call.room}/ring/decline`, 'david', {})).body, { declined: true });
    const told = await anna.next('colleague-ring-answer', (m) => m.ring === res.body.ringId);
    assert.deepEqual([told.user.id, told.outcome], ['david', 'declined']);

    // Anna ends it on b: gone on a as well.
    assert.equal((await b.post(`/v1/rooms/${call.room}/end`, 'anna', {})).status, 200);
    for (const node of [a, b]) assert.equal((await node.post('/v1/token', 'carla', { room: call.room })).status, 404);
  });
});
