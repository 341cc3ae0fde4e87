// "Neuen Raum anlegen" in the demo portal over real HTTP, with the real token service reading the
// portal's directory over HTTP with a shared secret (DIRECTORY_URL / DIRECTORY_SECRET): a room a
// person creates works at the token service at once, its creator moderates it, and every chat room
// page carries the room bar and the conference panel; the room list carries a live room bar.
// node-tests: pair (few pages, little or no video: scripts/node-tests.mjs runs it beside another such file)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { RunningDemoPortal } from '../demo-host/src/app.js';
import { startPortalAndService, type PortalAndService } from '../testing/cross-process/stack.js';
import { portalGet, portalSignIn } from './support/portal-http.js';
import { waitUntil } from '../testing/wait.js';

const DIRECTORY_SECRET = 'demo-directory-secret-for-tests';

describe('demo portal: new rooms, room bars and conference panels', () => {
  let parts: PortalAndService;
  let portal: RunningDemoPortal;
  let tokenServiceUrl: string;
  let dataDir: string;

  before(async () => {
    // The service reads the portal's directory over HTTP (rooms created there appear at once).
    parts = await startPortalAndService({
      livekit: 'ws://127.0.0.1:7880',
      portal: (dir) => ({ directorySecret: DIRECTORY_SECRET, roomsFile: join(dir, 'rooms.json') }),
      env: (portalUrl) => ({ DIRECTORY_FILE: undefined, DIRECTORY_URL: `${portalUrl}/api/directory`, DIRECTORY_SECRET }),
    });
    ({ portal, tokenServiceUrl, dataDir } = parts);
  });
  after(() => parts?.close());

  const get = (path: string, cookie = '') => portalGet(portal.url, path, cookie);
  const signIn = async (user: string) => (await portalSignIn(portal.url, user)).cookie;
  /** The portal token the page would hand the SDK, then a LiveKit token for the room. */
  const roomToken = async (cookie: string, room: string, moderator = false) => {
    const { token } = await (await get('/api/portal-token', cookie)).json() as { token: string };
    const res = await fetch(`${tokenServiceUrl}/v1/token`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ room, ...(moderator ? { moderator: true } : {}) }),
    });
    return { status: res.status, body: await res.json() as any };
  };
  const create = (cookie: string, form: URLSearchParams) => fetch(`${portal.url}/chat/rooms`, {
    method: 'POST', body: form, redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });

  it('serves its directory only with the shared secret', async () => {
    assert.equal((await get('/api/directory')).status, 401);
    assert.equal((await fetch(`${portal.url}/api/directory`, { headers: { authorization: 'Bearer wrong-secret-of-same-size!' } })).status, 401);
    const ok = await fetch(`${portal.url}/api/directory`, { headers: { authorization: `Bearer ${DIRECTORY_SECRET}` } });
    assert.equal(ok.status, 200);
    assert.ok(((await ok.json()) as { rooms: Array<{ id: string }> }).rooms.some((r) => r.id === 'vertrieb'));
  });

  it('every chat room page has the room bar in its top bar and the conference panel; the list shows a live bar per room', async () => {
    const anna = await signIn('anna');
    const page = await (await get('/chat/vertrieb', anna)).text();
    assert.match(page, /<div class="room-top">\s*<h1># Vertrieb<\/h1>\s*<timio-room-bar room="vertrieb"><\/timio-room-bar>/);
    // The conference room ("Videokonferenz") with the chat room's address for colleagues ("Person einladen").
    assert.match(page, /<aside class="card conference" aria-label="Videokonferenz">\s*<timio-conference room="vertrieb" room-url="http:\/\/[^"]+\/chat\/vertrieb"><\/timio-conference>/);
    const list = await (await get('/chat', anna)).text();
    for (const room of ['vertrieb', 'alle']) assert.match(list, new RegExp(`<timio-room-bar room="${room}" compact></timio-room-bar>`));
    assert.ok(!list.includes('room="entwicklung"'), 'only rooms anna is in');
    assert.match(list, /<h2 id="new-room">Neuen Raum anlegen<\/h2>/);
  });

  it('"Neuen Raum anlegen": the creator moderates the new room, its members get tokens at once, others do not', async () => {
    const anna = await signIn('anna');
    assert.equal((await roomToken(anna, 'projekt-oeloe')).status, 404, 'not there yet');
    const res = await create(anna, new URLSearchParams([['name', 'Projekt Ölö'], ['members', 'ben'], ['members', 'emma'], ['members', 'nobody']]));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/chat/projekt-olo');
    const page = await (await get('/chat/projekt-olo', anna)).text();
    assert.match(page, /<h1># Projekt Ölö<\/h1>/);
    assert.match(page, /<timio-room-bar room="projekt-olo">/);

    // The token service learns the room from the portal without a restart (a lookup that misses
    // asks the portal again, at most once a second).
    const asModerator = await waitUntil(async () => {
      const r = await roomToken(anna, 'projekt-olo', true);
      return r.status === 200 ? r : undefined;
    }, 'the token service to know the new room') as { status: number; body: any };
    assert.equal(asModerator.status, 200, JSON.stringify(asModerator.body));
    assert.equal(asModerator.body.role, 'moderator');
    assert.equal(asModerator.body.canModerate, true);
    const ben = await signIn('ben');
    const member = await roomToken(ben, 'projekt-olo', true);
    assert.equal(member.status, 200);
    assert.equal(member.body.role, 'member', 'a member who claims to moderate stays a member');
    assert.equal((await roomToken(await signIn('felix'), 'projekt-olo')).status, 403);
    assert.equal((await get('/chat/projekt-olo', await signIn('felix'))).status, 404);
    assert.deepEqual(jwt.decode(asModerator.body.token as string) && (jwt.decode(asModerator.body.token as string) as { video: { roomAdmin?: boolean } }).video.roomAdmin, undefined);

    // Kept for the next start.
    const kept = JSON.parse(readFileSync(join(dataDir, 'rooms.json'), 'utf8')) as Array<{ id: string; members: string[]; moderators: string[] }>;
    assert.deepEqual(kept.map((r) => [r.id, r.members, r.moderators]), [['projekt-olo', ['anna', 'ben', 'emma'], ['anna']]]);

    // A second room of the same name gets its own id; a bad name is refused with a message.
    const again = await create(anna, new URLSearchParams({ name: 'Projekt Ölö' }));
    assert.equal(again.headers.get('location'), '/chat/projekt-olo-2');
    const bad = await create(anna, new URLSearchParams({ name: '   ' }));
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /role="alert">Bitte geben Sie einen Namen/);
    assert.equal((await create('', new URLSearchParams({ name: 'x' }))).status, 303, 'signed out: to the sign-in page');
  });
});
