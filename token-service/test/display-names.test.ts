// Issue 13 items 4 and 13: people are shown by the directory's name everywhere (not by the portal
// token's unchecked `name` claim), names are normalized and bounded, combining-mark stacks are
// refused, and a guest cannot take the name of someone in the room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenVerifier } from 'livekit-server-sdk';
import { createStaticDirectory } from '../src/directory/directory.js';
import { api, DIRECTORY, expectError, LIVEKIT_KEY, LIVEKIT_SECRET, portalToken, startService } from './helpers.js';
import { TestPage } from './realtime/pages.js';

const HOSTILE = ['\u202Eevil Admin', 'Anna\u0000Schmidt', 'A'.repeat(3_000)];
const wsUrl = (base: string) => `${base.replace('http', 'ws')}/v1/realtime`;
const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);

test("item 4: a call, a room ring and the page's own name come from the directory, not the token's name claim", async () => {
  const s = await startService();
  try {
    const ben = await TestPage.ready(wsUrl(s.base), portalToken('ben'));
    const carla = await TestPage.ready(wsUrl(s.base), portalToken('carla'));
    assert.equal(ben.ready.user.name, 'Ben Müller');
    for (const claim of HOSTILE) {
      const anna = portalToken('anna', { name: claim });
      const own = await TestPage.ready(wsUrl(s.base), anna);
      assert.equal(own.ready.user.name, 'Anna Schmidt', 'ready names the directory name');
      own.page.ws.close();

      const placed = await api(s.base, 'POST', '/v1/calls', { token: anna, body: { callee: 'ben' } });
      assert.equal(placed.status, 201, placed.text);
      assert.equal(placed.body.call.caller.name, 'Anna Schmidt');
      assert.equal((await verifier.verify(placed.body.token)).name, 'Anna Schmidt', 'the call room shows the directory name');
      const rung = await ben.page.call('ringing');
      assert.equal(rung.caller.name, 'Anna Schmidt', 'the callee sees the directory name');
      assert.equal((await api(s.base, 'POST', `/v1/calls/${placed.body.call.id}/cancel`, { token: anna, body: {} })).status, 200);
      await ben.page.call('ended');

      if (claim !== HOSTILE[0]) continue; // a room is rung once in two minutes
      const ring = await api(s.base, 'POST', '/v1/rooms/vertrieb/ring', { token: anna, body: {} });
      assert.equal(ring.status, 201, ring.text);
      const toast = await carla.page.next('room-ring', (m) => m.ring.id === ring.body.ringId);
      assert.equal(toast.ring.caller.name, 'Anna Schmidt', 'the room ring shows the directory name');
    }
  } finally {
    await s.close();
  }
});

test('item 4: names from an embedded directory are normalized and bounded wherever they are shown', async () => {
  const directory = createStaticDirectory({
    users: [
      ...DIRECTORY.users.filter((u) => u.id !== 'anna'),
      { id: 'anna', name: `\u202E${'Z\u0301\u0302\u0303\u0304\u0305\u0306\u0307'}ane\u0000\u200B  ${'x'.repeat(3_000)}` },
    ],
    rooms: [{ id: 'vertrieb', name: `Ver\u202Etrieb${'y'.repeat(500)}`, members: ['anna', 'ben', 'carla'], moderators: ['anna'] }],
  });
  const s = await startService({ options: { directory } });
  try {
    const ben = await TestPage.ready(wsUrl(s.base), portalToken('ben'));
    const placed = await api(s.base, 'POST', '/v1/calls', { token: portalToken('anna'), body: { callee: 'ben' } });
    assert.equal(placed.status, 201, placed.text);
    const name = (await ben.page.call('ringing')).caller.name;
    assert.equal([...name].length, 64, 'bounded to 64 characters');
    assert.ok(name.startsWith('\u0179\u0302\u0303\u0304\u0305ane x'), `controls dropped, spaces collapsed, marks cut: ${JSON.stringify(name.slice(0, 20))}`);
    assert.doesNotMatch(name, /[\p{Cc}\p{Cf}]/u);
    const token = await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' } });
    assert.equal((await verifier.verify(token.body.token)).name, name, 'the conference shows the same clean name');
    const ring = await api(s.base, 'POST', '/v1/rooms/vertrieb/ring', { token: portalToken('anna'), body: {} });
    assert.equal(ring.status, 201, ring.text);
    const { roomName } = (await ben.page.next('room-ring')).ring;
    assert.doesNotMatch(roomName, /[\p{Cf}]/u);
    assert.equal([...roomName].length, 200, 'room names are bounded too');
  } finally {
    await s.close();
  }
});

test('item 13: a guest name with stacked marks is refused; a room member\'s name is not (issue 22: a refusal would tell which names the directory holds)', async () => {
  const s = await startService();
  try {
    const inv = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } });
    assert.equal(inv.status, 201, inv.text);
    const guest = (name: string) => api(s.base, 'POST', '/v1/guest/token', { body: { invite: inv.body.invite, name } });
    const zalgo = await guest(`Eve${'\u0301\u0302\u0303\u0304\u0305'.repeat(40)}`);
    expectError(zalgo, 400, 'invalid_input');
    assert.match(zalgo.body.error.message, /combining marks/);
    // The moderators are told instead (token-service/test/guest-boundary.test.ts, finding 7).
    for (const name of ['Anna Schmidt', 'anna  schmidt', 'Ánna Schmidt.', 'BEN MÜLLER', 'Ben Mu\u0308ller']) {
      assert.equal((await guest(name)).status, 200, name);
    }
    // Three marks on a letter (as Vietnamese or Hebrew may have) and other names stay fine.
    assert.equal((await guest('Nguye\u0302\u0303n Anna')).status, 200);
    assert.equal((await guest('Anna Schmidt (ACME)')).status, 200);
    assert.equal((await guest('Dora Outsider')).status, 200, 'someone outside the room is not protected here');
  } finally {
    await s.close();
  }
});
