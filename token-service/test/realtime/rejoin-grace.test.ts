// The rejoin grace of 1:1 calls, in one process (memory store) over real HTTP, WebSockets and
// signed webhooks: a party who leaves the call room (a page change) or closes every page keeps the
// call if they come back within the grace; only after it does the call end, with the duration up
// to the moment they left. A party who never joins after the answer ends it as not connected.
// The same across two processes through Redis: redis.test.ts.
// node-tests: alone (real grace timers, and two processes through Redis; scripts/node-tests.mjs runs no other file beside it).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CallInfo } from '#protocol/realtime.js';
import { TestPage } from './pages.js';
import { twoProcessesForTests, type ServiceProcess } from './processes.js';
import { fastSettings, portalToken, startService, type RunningService } from './service.js';
import type { MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';

const GRACE_MS = 1_500;

describe('calls: the rejoin grace (one process)', () => {
  let svc: RunningService;
  before(async () => { svc = await startService({ ...fastSettings, graceMs: 200, ringTimeoutMs: 30_000, callRejoinGraceMs: GRACE_MS }); });
  after(async () => { await svc.close(); });

  const page = async (user: string) => (await TestPage.ready(svc.wsUrl, portalToken(user))).page;
  const get = async (user: string, id: string) => {
    const res = await fetch(`${svc.url}/v1/calls/${id}`, { headers: { authorization: `Bearer ${portalToken(user)}` } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const joined = (room: string, identity: string) => svc.webhook({ event: 'participant_joined', room: { name: room }, participant: { identity } });
  const left = (room: string, identity: string) => svc.webhook({ event: 'participant_left', room: { name: room }, participant: { identity } });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  async function activeCall(caller: string, callee: string): Promise<{ call: CallInfo; pages: TestPage[] }> {
    const pages = [await page(caller), await page(callee)];
    const call = (await svc.post('/v1/calls', caller, { callee })).body.call as CallInfo;
    await svc.post(`/v1/calls/${call.id}/accept`, callee);
    for (const p of pages) await p.call('active');
    await joined(call.room, callee);
    await joined(call.room, caller);
    return { call, pages };
  }

  it('a party who leaves the room and comes back within the grace keeps the call; one who stays away ends it', async () => {
    const { call, pages: [anna, ben] } = await activeCall('anna', 'ben');
    // A page change: Anna leaves the room and joins again from her next page (a fresh token).
    await left(call.room, 'anna');
    const grant = await svc.post(`/v1/calls/${call.id}/join`, 'anna');
    assert.equal(grant.status, 200, JSON.stringify(grant.body));
    assert.equal(grant.body.call.state, 'active');
    assert.equal(typeof grant.body.token, 'string');
    await joined(call.room, 'anna');
    // Twice the grace later the call still runs: nobody was told it ended.
    await sleep(GRACE_MS * 2);
    assert.equal((await get('ben', call.id)).body.call.state, 'active');
    assert.ok(!ben!.received.some((m) => m.type === 'call' && m.call.state === 'ended'));

    // Now Anna leaves for good: the call ends after the grace, its duration up to her leaving.
    await sleep(1_100);
    const leftAt = Date.now();
    await left(call.room, 'anna');
    const ended = await ben!.call('ended', 'completed');
    assert.equal(ended.reason, undefined, 'a call that ran says no reason');
    assert.ok(Date.now() - leftAt >= GRACE_MS - 100, 'not before the grace is over');
    assert.ok(Math.abs(Date.parse(ended.endedAt!) - leftAt) < 1_000, `ends when she left: ${ended.endedAt} vs ${new Date(leftAt).toISOString()}`);
    assert.ok(ended.durationSeconds! >= 3, `the whole duration: ${ended.durationSeconds}`);
    assert.equal((await anna!.call('ended', 'completed')).id, call.id);
    // The ended call stays readable for both (a page that missed the end asks for it).
    const later = await get('anna', call.id);
    assert.equal(later.status, 200);
    assert.equal(later.body.call.outcome, 'completed');
    const rejoin = await svc.post(`/v1/calls/${call.id}/join`, 'anna');
    assert.equal(rejoin.status, 409);
    assert.equal(rejoin.body.error.code, 'call_ended');
    assert.equal(rejoin.body.call.id, call.id);
    for (const p of [anna!, ben!]) p.close();
  });

  it('leaving again restarts the grace (left, back, left again just before the first grace is over)', async () => {
    const { call, pages: [carla, david] } = await activeCall('carla', 'david');
    await left(call.room, 'carla');
    await joined(call.room, 'carla');
    await sleep(GRACE_MS - 400);
    await left(call.room, 'carla');
    await sleep(600); // the first leave's grace is over; the second's is not
    await joined(call.room, 'carla');
    await sleep(GRACE_MS);
    assert.equal((await get('david', call.id)).body.call.state, 'active');
    await svc.post(`/v1/calls/${call.id}/end`, 'david');
    await carla!.call('ended', 'completed');
    for (const p of [carla!, david!]) p.close();
  });

  it('a caller whose pages are all gone keeps the call if a page comes back within the grace, else it ends', async () => {
    const { call, pages: [emma, felix] } = await activeCall('emma', 'felix');
    emma!.close(); // her last page reloads …
    await sleep(400); // … past the presence grace
    const back = await page('emma');
    assert.equal((await back.call('active')).id, call.id, 'the new page is told of the running call');
    await sleep(GRACE_MS + 500);
    assert.equal((await get('felix', call.id)).body.call.state, 'active');
    // Closed for good, and gone from the room.
    back.close();
    await left(call.room, 'emma');
    assert.equal((await felix!.call('ended', 'completed')).id, call.id);
    felix!.close();
  });

  it('the caller who never joins after the answer: the call ends as cancelled (reason not_joined), no duration; the callee is told', async () => {
    const anna = await page('anna');
    const ben = await page('ben');
    const call = (await svc.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    await ben.call('ringing');
    await svc.post(`/v1/calls/${call.id}/accept`, 'ben');
    await joined(call.room, 'ben');
    const ended = await ben.call('ended', 'cancelled');
    assert.equal(ended.id, call.id);
    assert.equal(ended.durationSeconds, 0);
    assert.equal(ended.reason, 'not_joined', 'said explicitly, for the window and the notice');
    assert.equal((await anna.call('ended', 'cancelled')).id, call.id);
    for (const p of [anna, ben]) p.close();
  });

  it('a ringing call follows its caller to her next page; with no page back within the grace it ends as cancelled', async () => {
    const carla = await page('carla');
    const david = await page('david');
    const call = (await svc.post('/v1/calls', 'carla', { callee: 'david' })).body.call as CallInfo;
    await david.call('ringing');
    carla.close();
    await sleep(400);
    const next = await page('carla');
    assert.equal((await next.call('ringing')).id, call.id, 'her next page gets the ringing call');
    const grant = await svc.post(`/v1/calls/${call.id}/join`, 'carla');
    assert.equal(grant.status, 200);
    assert.equal(grant.body.call.state, 'ringing');
    // The callee may not take a token for a call that rings at his end (he answers it).
    const notYet = await svc.post(`/v1/calls/${call.id}/join`, 'david');
    assert.equal(notYet.status, 409);
    assert.equal(notYet.body.error.code, 'call_not_ringing');
    // Someone else's call: not found, by GET or join.
    assert.equal((await get('emma', call.id)).status, 404);
    assert.equal((await svc.post(`/v1/calls/${call.id}/join`, 'emma')).body.error.code, 'not_found');
    next.close();
    const ended = await david.call('ended', 'cancelled');
    assert.equal(ended.id, call.id);
    david.close();
  });
});

describe('calls: the rejoin grace across two processes through Redis, with real room joins', () => {
  const inRoom: SignalParticipant[] = [];
  // LiveKit's webhooks reach process a only; answers and rejoins go to b.
  const two = twoProcessesForTests(
    { ...fastSettings, graceMs: 300, ringTimeoutMs: 30_000, processTimeoutMs: 4_000, callRejoinGraceMs: GRACE_MS * 2 }, {},
    async () => { for (const p of inRoom) await p.close().catch(() => undefined); },
  );
  const { page } = two;
  let a: ServiceProcess;
  let b: ServiceProcess;
  let media: MediaServer;
  before(() => void ({ media, a, b } = two.parts));
  const join = async (token: string) => {
    const p = await SignalParticipant.join(media.url, token, { dataChannels: false });
    inRoom.push(p);
    return p;
  };


  it('a page change (leave the room, rejoin through the other process) keeps the call; staying away ends it after the grace', async () => {
    const anna = await page(a, 'anna');
    const ben = await page(b, 'ben');
    const started = await b.post('/v1/calls', 'anna', { callee: 'ben' });
    const call = started.body.call as CallInfo;
    const accepted = await b.post(`/v1/calls/${call.id}/accept`, 'ben');
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    await anna.call('active');
    const benInRoom = await join(accepted.body.token);
    let annaInRoom = await join(started.body.token);

    // Anna's page changes: she leaves the room, her next page (on process b) takes a token and joins.
    await annaInRoom.leave();
    await benInRoom.waitForParticipantGone('anna');
    const grant = await b.post(`/v1/calls/${call.id}/join`, 'anna');
    assert.equal(grant.status, 200, JSON.stringify(grant.body));
    annaInRoom = await join(grant.body.token);
    await new Promise((r) => setTimeout(r, GRACE_MS * 3));
    const still = await fetch(`${a.url}/v1/calls/${call.id}`, { headers: { authorization: `Bearer ${portalToken('ben')}` } });
    assert.equal(((await still.json()) as { call: CallInfo }).call.state, 'active');
    assert.ok(!ben.received.some((m) => m.type === 'call' && m.call.state === 'ended'), 'nobody was told the call ended');

    // She leaves for good: the process that got the webhook ends it after the grace; both hear it.
    await annaInRoom.leave();
    assert.equal((await ben.call('ended', 'completed')).id, call.id);
    assert.equal((await anna.call('ended', 'completed')).id, call.id);
  });
});
