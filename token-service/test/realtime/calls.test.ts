// 1:1 calls and room rings over real HTTP and real WebSockets: every outcome reaches both sides.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TokenVerifier } from 'livekit-server-sdk';
import type { CallInfo } from '#protocol/realtime.js';
import { TestPage } from './pages.js';
import { portalToken, startService, testEnv, type RunningService } from './service.js';

/** Both sides' journal entry: who, when, how it ended, how long. */
function assertEnded(call: CallInfo, outcome: string, caller: string, callee: string): void {
  assert.equal(call.state, 'ended');
  assert.equal(call.outcome, outcome);
  assert.equal(call.caller.id, caller);
  assert.equal(call.callee.id, callee);
  assert.ok(call.caller.name && call.callee.name);
  assert.ok(Date.parse(call.createdAt) <= Date.parse(call.endedAt!));
  assert.equal(typeof call.durationSeconds, 'number');
}

describe('calls', () => {
  let svc: RunningService;
  before(async () => { svc = await startService(); });
  after(async () => { await svc.close(); });

  const page = async (user: string) => (await TestPage.ready(svc.wsUrl, portalToken(user))).page;
  const getCurrent = async (user: string) => {
    const res = await fetch(`${svc.url}/v1/calls/current`, { headers: { authorization: `Bearer ${portalToken(user)}` } });
    return { status: res.status, body: (await res.json()) as { call: CallInfo | null } & any };
  };

  it('rings every page of the callee; answering on one stops the others; both sides see the call end with its duration', async () => {
    const anna = await page('anna');
    const ben1 = await TestPage.ready(svc.wsUrl, portalToken('ben'));
    const ben2 = await page('ben');
    const watcher = await page('carla');
    watcher.send({ type: 'watch', add: ['anna', 'ben'] });
    await watcher.next('presence');

    const started = await svc.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const { call, token, url } = started.body as { call: CallInfo; token: string; url: string };
    assert.equal(call.state, 'ringing');
    assert.match(call.room, /^call-[0-9a-f]+$/);
    assert.equal(url, testEnv.LIVEKIT_URL);
    const grants = await new TokenVerifier(testEnv.LIVEKIT_API_KEY, testEnv.LIVEKIT_API_SECRET).verify(token);
    assert.equal(grants.sub, 'anna');
    assert.equal(grants.video?.room, call.room);
    assert.equal(grants.video?.roomAdmin, undefined);

    for (const p of [anna, ben1.page, ben2]) assert.equal((await p.call('ringing')).id, call.id);

    const accepted = await svc.post(`/v1/calls/${call.id}/accept`, 'ben', { page: ben1.ready.page });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.call.state, 'active');
    assert.equal((await new TokenVerifier(testEnv.LIVEKIT_API_KEY, testEnv.LIVEKIT_API_SECRET).verify(accepted.body.token)).sub, 'ben');

    const other = await ben2.call('active');
    assert.equal(other.answeredElsewhere, true, 'the other page of ben stops ringing');
    const answering = await ben1.page.call('active');
    assert.equal(answering.answeredElsewhere, undefined);
    const callerSide = await anna.call('active');
    assert.ok(callerSide.answeredAt);

    // Both are shown as busy to their watchers while the call runs.
    await watcher.presence('anna', 'busy');
    await watcher.presence('ben', 'busy');

    // A page that opens during the call learns of it.
    const ben3 = await page('ben');
    assert.equal((await ben3.call('active')).id, call.id);

    const ended = await svc.post(`/v1/calls/${call.id}/end`, 'ben');
    assert.equal(ended.status, 200);
    for (const p of [anna, ben1.page, ben2, ben3]) assertEnded(await p.call('ended'), 'completed', 'anna', 'ben');
    await watcher.presence('anna', 'online');
    await watcher.presence('ben', 'online');

    // Hanging up twice is harmless; accepting an ended call is a conflict.
    assert.equal((await svc.post(`/v1/calls/${call.id}/end`, 'anna')).body.call.outcome, 'completed');
    const late = await svc.post(`/v1/calls/${call.id}/accept`, 'ben');
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'call_not_ringing');
    for (const p of [anna, ben1.page, ben2, ben3, watcher]) p.close();
  });

  it('decline, cancel and no answer reach both sides', async () => {
    const anna = await page('anna');
    const ben = await page('ben');

    const declined = (await svc.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    await ben.call('ringing');
    const d = await svc.post(`/v1/calls/${declined.id}/decline`, 'ben');
    assert.equal(d.status, 200);
    assertEnded(await anna.call('ended', 'declined'), 'declined', 'anna', 'ben');
    assertEnded(await ben.call('ended', 'declined'), 'declined', 'anna', 'ben');

    const cancelled = (await svc.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    await ben.call('ringing');
    assert.equal((await svc.post(`/v1/calls/${cancelled.id}/cancel`, 'ben')).status, 404, 'only the caller cancels');
    assert.equal((await svc.post(`/v1/calls/${cancelled.id}/cancel`, 'anna')).status, 200);
    assertEnded(await ben.call('ended', 'cancelled'), 'cancelled', 'anna', 'ben');
    assertEnded(await anna.call('ended', 'cancelled'), 'cancelled', 'anna', 'ben');

    const unanswered = (await svc.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    await ben.call('ringing');
    const missed = await ben.call('ended', 'no_answer');
    assert.equal(missed.id, unanswered.id);
    assertEnded(missed, 'no_answer', 'anna', 'ben');
    assert.equal(missed.durationSeconds, 0);
    await anna.call('ended', 'no_answer');
    anna.close();
    ben.close();
  });

  it('a callee already in a call is busy: 409 busy and both sides get the outcome', async () => {
    const anna = await page('anna');
    const ben = await page('ben');
    const carla = await page('carla');
    const first = (await svc.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    await svc.post(`/v1/calls/${first.id}/accept`, 'ben');
    await ben.call('active');

    const busy = await svc.post('/v1/calls', 'carla', { callee: 'ben' });
    assert.equal(busy.status, 409);
    assert.equal(busy.body.error.code, 'busy');
    assertEnded(busy.body.call, 'busy', 'carla', 'ben');
    assertEnded(await carla.call('ended', 'busy'), 'busy', 'carla', 'ben');
    assertEnded(await ben.call('ended', 'busy'), 'busy', 'carla', 'ben');

    // The caller may not start a second call while in one (another page of theirs holds it):
    // the answer says so and names that call, so the page can show it.
    const twice = await svc.post('/v1/calls', 'anna', { callee: 'carla' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'already_in_call');
    assert.equal(twice.body.call.id, first.id);
    assert.equal(twice.body.call.state, 'active');
    const current = await getCurrent('anna');
    assert.equal(current.status, 200);
    assert.equal(current.body.call.id, first.id);

    // Ben hangs up: the call completes for both. (Leaving the room ends it only after the rejoin
    // grace: rejoin-grace.test.ts.)
    await svc.post(`/v1/calls/${first.id}/end`, 'ben');
    assertEnded(await anna.call('ended', 'completed'), 'completed', 'anna', 'ben');
    assertEnded(await ben.call('ended', 'completed'), 'completed', 'anna', 'ben');
    // The line is free again.
    const again = await svc.post('/v1/calls', 'carla', { callee: 'ben' });
    assert.equal(again.status, 201);
    await svc.webhook({ event: 'room_finished', room: { name: again.body.call.room } });
    assertEnded(await carla.call('ended', 'cancelled'), 'cancelled', 'carla', 'ben');
    for (const p of [anna, ben, carla]) p.close();
  });

  it('two people calling each other at the same moment get one call', async () => {
    const anna = await page('anna');
    const ben = await page('ben');
    const first = await svc.post('/v1/calls', 'anna', { callee: 'ben' });
    assert.equal(first.status, 201);
    await ben.call('ringing');
    // Ben calls Anna while her call rings at his end: he answers it instead of getting "busy".
    const second = await svc.post('/v1/calls', 'ben', { callee: 'anna' });
    assert.equal(second.status, 201, JSON.stringify(second.body));
    assert.equal(second.body.call.id, first.body.call.id);
    assert.equal(second.body.call.state, 'active');
    assert.equal((await new TokenVerifier(testEnv.LIVEKIT_API_KEY, testEnv.LIVEKIT_API_SECRET).verify(second.body.token)).sub, 'ben');
    assert.equal((await anna.call('active')).id, first.body.call.id);
    assert.equal((await ben.call('active')).id, first.body.call.id);
    await svc.post(`/v1/calls/${first.body.call.id}/end`, 'anna');
    for (const p of [anna, ben]) assertEnded(await p.call('ended'), 'completed', 'anna', 'ben');
    assert.equal((await getCurrent('anna')).body.call, null, 'nothing left for either');
    assert.equal((await getCurrent('ben')).body.call, null);

    // Both press at the very same moment: still one call, answered, and nobody is told "busy".
    const carla = await page('carla');
    const david = await page('david');
    const [c, d] = await Promise.all([svc.post('/v1/calls', 'carla', { callee: 'david' }), svc.post('/v1/calls', 'david', { callee: 'carla' })]);
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.equal(d.status, 201, JSON.stringify(d.body));
    assert.equal(c.body.call.id, d.body.call.id);
    const active = await carla.call('active');
    assert.equal((await david.call('active')).id, active.id);
    assert.ok([c.body.call.state, d.body.call.state].includes('active'));
    assert.equal(carla.received.some((m) => m.type === 'call' && m.call.outcome === 'busy'), false);
    await svc.post(`/v1/calls/${active.id}/end`, 'david');
    await carla.call('ended', 'completed');
    for (const p of [anna, ben, carla, david]) p.close();
  });

  it('GET /v1/calls/current says which call the service knows for the user, or null', async () => {
    const emma = await page('emma');
    assert.deepEqual((await getCurrent('emma')).body, { call: null });
    const call = (await svc.post('/v1/calls', 'emma', { callee: 'felix' })).body.call as CallInfo;
    assert.equal((await getCurrent('emma')).body.call.id, call.id);
    assert.equal((await getCurrent('felix')).body.call.state, 'ringing');
    assert.deepEqual((await getCurrent('anna')).body, { call: null }, 'nobody else sees it');
    await svc.post(`/v1/calls/${call.id}/cancel`, 'emma');
    assert.deepEqual((await getCurrent('felix')).body, { call: null });
    const anonymous = await fetch(`${svc.url}/v1/calls/current`);
    assert.equal(anonymous.status, 401);
    assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'unauthorized');
    emma.close();
  });

  it('a page opened while the call rings rings too', async () => {
    const started = (await svc.post('/v1/calls', 'emma', { callee: 'felix' })).body.call as CallInfo;
    const felix = await page('felix');
    assert.equal((await felix.call('ringing')).id, started.id);
    await svc.post(`/v1/calls/${started.id}/cancel`, 'emma');
    await felix.call('ended', 'cancelled');
    felix.close();
  });

  it('refuses bad call requests with clear errors', async () => {
    const cases: Array<[string, string | undefined, unknown, number, string]> = [
      ['/v1/calls', undefined, { callee: 'ben' }, 401, 'unauthorized'],
      ['/v1/calls', 'anna', {}, 400, 'invalid_input'],
      ['/v1/calls', 'anna', { callee: 'a:b' }, 400, 'invalid_input'],
      ['/v1/calls', 'anna', { callee: 'anna' }, 400, 'invalid_input'],
      ['/v1/calls', 'anna', { callee: 'nobody' }, 404, 'not_found'],
      ['/v1/calls/0123456789abcdef01234567/accept', 'anna', {}, 404, 'not_found'],
      ['/v1/calls/..%2f/accept', 'anna', {}, 404, 'not_found'],
    ];
    for (const [path, user, body, status, code] of cases) {
      const res = await svc.post(path, user, body);
      assert.equal(res.status, status, `${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
    }
    // Someone else's call is not found for a third person.
    const call = (await svc.post('/v1/calls', 'anna', { callee: 'ben' })).body.call as CallInfo;
    for (const action of ['accept', 'decline', 'cancel', 'end']) {
      const res = await svc.post(`/v1/calls/${call.id}/${action}`, 'carla');
      assert.equal(res.status, 404);
    }
    assert.equal((await svc.post(`/v1/calls/${call.id}/accept`, 'anna')).status, 404, 'the caller cannot answer');
    await svc.post(`/v1/calls/${call.id}/cancel`, 'anna');
  });

  it('room ring invites every other online member, who can join; the ring ends on join and after the timeout', async () => {
    const anna = await page('anna');
    const ben1 = await page('ben');
    const ben2 = await page('ben');
    const carla = await page('carla');
    const emma = await page('emma'); // online but not a member
    // Felix's page of the previous test has gone: wait until he is offline.
    anna.send({ type: 'watch', add: ['felix'] });
    await anna.presence('felix', 'offline');

    assert.equal((await svc.post('/v1/rooms/vertrieb/ring', 'emma')).status, 403);
    assert.equal((await svc.post('/v1/rooms/vertrieb/ring', 'emma')).body.error.code, 'not_a_member');
    assert.equal((await svc.post('/v1/rooms/nowhere/ring', 'anna')).status, 404);

    const res = await svc.post('/v1/rooms/vertrieb/ring', 'anna');
    assert.equal(res.status, 201);
    assert.deepEqual([...res.body.invited].sort(), ['ben', 'carla'], 'felix is offline, anna is the caller');
    for (const p of [ben1, ben2, carla]) {
      const { ring } = await p.next('room-ring');
      assert.equal(ring.id, res.body.ringId);
      assert.equal(ring.room, 'vertrieb');
      assert.equal(ring.roomName, 'Vertrieb');
      assert.deepEqual(ring.caller, { id: 'anna', name: 'Anna Schmidt' });
    }
    // Ben joins the conference on one page: all his pages stop showing the invitation.
    await svc.webhook({ event: 'participant_joined', room: { name: 'vertrieb' }, participant: { identity: 'ben' } });
    for (const p of [ben1, ben2]) assert.equal((await p.next('room-ring-ended')).id, res.body.ringId);
    // Carla never answers: her invitation ends with the timeout.
    assert.equal((await carla.next('room-ring-ended')).id, res.body.ringId);
    assert.ok(!anna.received.some((m) => m.type === 'room-ring') && !emma.received.some((m) => m.type === 'room-ring'));
    for (const p of [anna, ben1, ben2, carla, emma]) p.close();
  });
});
