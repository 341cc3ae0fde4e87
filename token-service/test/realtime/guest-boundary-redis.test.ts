// The guest boundary (issue 22) across two token-service processes behind one Redis, with the dev
// media server (its webhooks reach process a only): a decision, a meeting's end and the chat a
// guest may read are the same on whichever process the guest asks.
// node-tests: alone (two token-service processes through Redis; scripts/node-tests.mjs runs no other file beside it).
import assert from 'node:assert/strict';
import { afterEach, before, describe, it } from 'node:test';
import type { MediaServer } from '../../../dev-media-server/src/server.js';
import { SignalParticipant } from '../../../testing/node/signal-participant.js';
import { twoProcessesForTests, type ServiceProcess } from './processes.js';
import { portalToken } from './service.js';

describe('the guest boundary across two processes through Redis', () => {
  const two = twoProcessesForTests({}, { PUBLIC_URL: 'http://127.0.0.1:3000' });
  let media: MediaServer;
  let a: ServiceProcess;
  let b: ServiceProcess;
  before(() => void ({ media, a, b } = two.parts));
  let people: SignalParticipant[] = [];

  const join = async (token: string) => {
    const p = await SignalParticipant.join(media.url, token, { dataChannels: false });
    people.push(p);
    return p;
  };
  const roomToken = async (user: string, moderator = false) => {
    const res = await a.post('/v1/token', user, { room: 'vertrieb', moderator });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.token as string;
  };
  /** A request with a guest's credential. */
  const asGuest = async (p: ServiceProcess, method: string, path: string, guestToken: string, body?: unknown) => {
    const res = await fetch(p.url + path, {
      method, headers: { authorization: `Bearer ${guestToken}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const waitingGuest = async (p: ServiceProcess, name: string) => {
    const made = await p.post('/v1/rooms/vertrieb/invites', 'anna', { startsAt: new Date().toISOString(), waitingRoom: true });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const waiting = await p.post('/v1/guest/token', undefined, { invite: made.body.invite, name });
    assert.equal(waiting.status, 202, JSON.stringify(waiting.body));
    return waiting.body as { identity: string; guestToken: string };
  };
  const decide = (p: ServiceProcess, identity: string, action: 'admit' | 'deny') => p.post(`/v1/rooms/vertrieb/waiting/${encodeURIComponent(identity)}/${action}`, 'anna', {});

  afterEach(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    people = [];
    await a.post('/v1/rooms/vertrieb/end', 'anna', {});
  });

  // First: a room_finished of an earlier test's meeting may still clear the room's chat.
  it('finding 3: a guest admitted on one process reads on the other only what was written from their admission on', async () => {
    await join(await roomToken('anna', true));
    assert.equal((await a.post('/v1/rooms/vertrieb/chat', 'anna', { text: 'Vor dem Gast' })).status, 201);
    const g = await waitingGuest(a, 'Gustav Gast');
    assert.equal((await decide(a, g.identity, 'admit')).status, 200);
    assert.equal((await b.post('/v1/rooms/vertrieb/chat', 'anna', { text: 'Nach dem Einlass' })).status, 201);
    const seen = await asGuest(b, 'GET', '/v1/rooms/vertrieb/chat', g.guestToken);
    assert.deepEqual(seen.body.messages.map((m: { text: string }) => m.text), ['Nach dem Einlass']);
    const all = await fetch(`${b.url}/v1/rooms/vertrieb/chat`, { headers: { authorization: `Bearer ${portalToken('ben')}` } });
    assert.deepEqual(((await all.json()) as { messages: Array<{ text: string }> }).messages.map((m) => m.text), ['Vor dem Gast', 'Nach dem Einlass']);
  });

  it('finding 1: a waiting guest reaches no chat on either process; turned away on one, nothing on the other', async () => {
    await join(await roomToken('anna', true));
    const g = await waitingGuest(a, 'Olaf Ohne');
    for (const p of [a, b]) {
      assert.equal((await asGuest(p, 'GET', '/v1/rooms/vertrieb/chat', g.guestToken)).body.error.code, 'not_admitted');
      assert.equal((await asGuest(p, 'POST', '/v1/rooms/vertrieb/chat', g.guestToken, { text: 'Hallo?' })).status, 403);
    }
    assert.equal((await decide(b, g.identity, 'deny')).status, 200);
    assert.deepEqual((await asGuest(a, 'POST', '/v1/guest/admission', g.guestToken, { waitSeconds: 0 })).body, { state: 'denied' });
    for (const p of [a, b]) {
      const res = await asGuest(p, 'GET', '/v1/rooms/vertrieb/chat', g.guestToken);
      assert.equal(res.status, 410);
      assert.equal(res.body.error.code, 'guest_denied');
    }
  });

  it('finding 2: the meeting ended through one process ends the admission on the other, also for the next meeting', async () => {
    await join(await roomToken('anna', true));
    const g = await waitingGuest(b, 'Maria Gast');
    assert.equal((await decide(a, g.identity, 'admit')).status, 200);
    const grant = await asGuest(b, 'POST', '/v1/guest/admission', g.guestToken, {});
    assert.equal(grant.body.state, 'admitted', JSON.stringify(grant.body));
    assert.equal((await asGuest(b, 'GET', '/v1/rooms/vertrieb/chat', g.guestToken)).status, 200);
    assert.equal((await a.post('/v1/rooms/vertrieb/end', 'anna', {})).status, 200);
    await join(await roomToken('ben'));
    for (const p of [a, b]) {
      const poll = await asGuest(p, 'POST', '/v1/guest/admission', g.guestToken, { waitSeconds: 0 });
      assert.equal(poll.status, 410, JSON.stringify(poll.body));
      assert.equal(poll.body.error.code, 'meeting_ended');
      assert.equal(poll.body.token, undefined, 'no media token for the new meeting');
      assert.equal((await asGuest(p, 'GET', '/v1/rooms/vertrieb/chat', g.guestToken)).body.error.code, 'meeting_ended');
    }
  });

});
