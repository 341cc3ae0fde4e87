// GET /v1/directory/users (the search of "Kollegen hinzurufen") over real HTTP: names and ids
// matched without regard to case and accents, the asker left out, presence from the realtime
// pages, the limit, every bad input; guests neither search nor ring; a host directory without
// searchUsers answers 501 not_configured; the Directory's searchUsers of the JSON file.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, expectError, portalToken, startService, type RunningService } from './helpers.js';
import { createStaticDirectory, searchList } from '../src/directory/directory.js';
import { TestPage } from './realtime/pages.js';
import { DEMO_DIRECTORY } from '../../testing/node/demo-fixtures.js';

describe('directory search', () => {
  let s: RunningService;
  const pages: TestPage[] = [];
  const search = (query: string, user = 'anna') => api(s.base, 'GET', `/v1/directory/users${query}`, { token: portalToken(user) });

  before(async () => {
    s = await startService({ options: { directory: createStaticDirectory(DEMO_DIRECTORY) } });
  });
  after(async () => {
    for (const p of pages) p.ws.terminate();
    await s?.close();
  });

  it('finds colleagues by name or id, without regard to case and accents, never the asker', async () => {
    const ben = await search('?q=MUL');
    assert.equal(ben.status, 200, ben.text);
    assert.deepEqual(ben.body, { users: [{ id: 'ben', name: 'Ben Müller', status: 'offline' }] });
    assert.deepEqual((await search('?q=david')).body.users.map((u: { id: string }) => u.id), ['david']);
    // "a" is in nearly every name: Anna herself is left out, and the limit holds.
    const many = await search('?q=a&limit=3');
    assert.equal(many.body.users.length, 3);
    assert.ok(!many.body.users.some((u: { id: string }) => u.id === 'anna'));
    assert.ok((await search('?q=anna', 'ben')).body.users.some((u: { id: string }) => u.id === 'anna'));
    assert.deepEqual((await search('?q=anna')).body.users, []);
    // Two words: both must match.
    assert.deepEqual((await search('?q=' + encodeURIComponent('kim dav'))).body.users.map((u: { id: string }) => u.id), ['david']);
  });

  it('shows presence from the realtime pages', async () => {
    const { page } = await TestPage.ready(`${s.base.replace('http', 'ws')}/v1/realtime`, portalToken('david'));
    pages.push(page);
    const found = await search('?q=david');
    assert.deepEqual(found.body.users, [{ id: 'david', name: 'David Kim', status: 'online' }]);
  });

  it('refuses bad input with 400 and a JSON error', async () => {
    for (const bad of ['', '?q=', '?q=%20%20', `?q=${'x'.repeat(65)}`, '?q=a%00b', '?q=a%E2%80%8Bb', '?q=a&q=b', '?q=a&limit=0', '?q=a&limit=26', '?q=a&limit=abc', '?q=a&limit=2.5']) {
      expectError(await search(bad), 400, 'invalid_input');
    }
    expectError(await api(s.base, 'GET', '/v1/directory/users?q=a'), 401, 'unauthorized');
  });

  it('lets no guest search or ring', async () => {
    const made = await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date().toISOString() } });
    assert.equal(made.status, 201, made.text);
    const guest = await api(s.base, 'POST', '/v1/guest/token', { body: { invite: made.body.invite, name: 'Gisela Gast' } });
    const guestToken = guest.body.guestToken as string;
    assert.equal(typeof guestToken, 'string', guest.text);
    expectError(await api(s.base, 'GET', '/v1/directory/users?q=ben', { token: guestToken }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/ring-colleagues', { token: guestToken, body: { userIds: ['ben'] } }), 403, 'not_a_member');
  });

  it('searchList ranks names that begin with the query first', () => {
    const users = [{ id: 'x1', name: 'Maria Anders' }, { id: 'x2', name: 'Andreas Berg' }, { id: 'x3', name: 'Sandra Ott' }];
    assert.deepEqual(searchList(users, 'and', 10).map((u) => u.id), ['x2', 'x1', 'x3']);
    assert.deepEqual(searchList(users, '   ', 10), []);
  });
});

describe('a host directory without searchUsers', () => {
  let s: RunningService;
  before(async () => {
    const full = createStaticDirectory(DEMO_DIRECTORY);
    s = await startService({ options: { directory: { getUser: full.getUser, getRoom: full.getRoom } } });
  });
  after(() => s?.close());

  it('answers 501 not_configured', async () => {
    expectError(await api(s.base, 'GET', '/v1/directory/users?q=ben', { token: portalToken('anna') }), 501, 'not_configured');
  });
});
