// The directory from a file (checked at start) or from the host's callbacks, and what the service
// answers when LiveKit cannot be reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectoryError, loadDirectoryFile } from '../src/directory/directory.js';
import { api, expectError, portalToken, startService, tempDir, testEnv } from './helpers.js';

function fileWith(data: unknown): string {
  const file = join(tempDir(), 'directory.json');
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

test('a broken directory file stops the start with a message that says what is wrong', () => {
  const fails = (data: unknown, pattern: RegExp) =>
    assert.throws(() => loadDirectoryFile(fileWith(data)), (err: unknown) => err instanceof DirectoryError && pattern.test(err.message));
  fails('{"users": [', /not valid JSON/);
  fails({ users: {} , rooms: [] }, /"users" must be an array/);
  fails({ users: [{ id: 'guest:x', name: 'X' }], rooms: [] }, /users\[0\]\.id/);
  fails({ users: [{ id: 'a', name: '' }], rooms: [] }, /users\[0\]\.name/);
  fails({ users: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }], rooms: [] }, /appears twice/);
  fails({ users: [{ id: 'a', name: 'A' }], rooms: [{ id: 'r', name: 'R', members: ['a', 'zed'] }] }, /unknown user "zed"/);
  fails({ users: [], rooms: [{ id: 'r/1', name: 'R' }] }, /rooms\[0\]\.id/);
  assert.throws(() => loadDirectoryFile('/nonexistent/directory.json'), /cannot read DIRECTORY_FILE/);
});

test('a host directory callback decides membership', async () => {
  const s = await startService({
    options: {
      directory: {
        getUser: async (id) => (id === 'zoe' ? { id, name: 'Zoë from HR' } : undefined),
        getRoom: async (id) => (id === 'hr' ? { id, name: 'HR', members: ['zoe'], moderators: [] } : undefined),
      },
    },
  });
  try {
    const res = await api(s.base, 'POST', '/v1/token', { token: portalToken('zoe'), body: { room: 'hr' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.role, 'member');
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('anna'), body: { room: 'hr' } }), 403, 'not_a_member');
    expectError(await api(s.base, 'POST', '/v1/token', { token: portalToken('zoe'), body: { room: 'vertrieb' } }), 404, 'not_found');
  } finally {
    await s.close();
  }
});

test('when LiveKit cannot be reached the answer is 502 livekit_unavailable, without details', async () => {
  const s = await startService({ env: testEnv({ LIVEKIT_URL: 'ws://127.0.0.1:9' }) });
  try {
    const res = await api(s.base, 'GET', '/v1/rooms/vertrieb', { token: portalToken('anna') });
    expectError(res, 502, 'livekit_unavailable');
    assert.doesNotMatch(res.body.error.message, /127\.0\.0\.1|ECONNREFUSED|fetch/);
    assert.ok(s.logs.some((l) => l.includes('LiveKit RoomService failed')));
    expectError(await api(s.base, 'POST', '/v1/rooms/vertrieb/end', { token: portalToken('anna') }), 502, 'livekit_unavailable');
  } finally {
    await s.close();
  }
});

test('mounted under a prefix in a host app, the service answers there and leaves the host\'s paths alone', async () => {
  const { createServer } = await import('node:http');
  const express = (await import('express')).default;
  const { loadConfig } = await import('../src/config.js');
  const { createTokenService } = await import('../src/app.js');
  const service = createTokenService({ config: loadConfig(testEnv()), log: () => undefined });
  const host = express();
  host.use('/timio-api', service.app);
  host.get('/timio-api-docs', (_req, res) => void res.send('host page'));
  host.get('/', (_req, res) => void res.send('portal home'));
  const server = createServer(host);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.attach(server);
  const base = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
  try {
    const res = await api(base, 'POST', '/timio-api/v1/token', { token: portalToken('anna'), body: { room: 'vertrieb' } });
    assert.equal(res.status, 200, res.text);
    const inv = await api(base, 'POST', '/timio-api/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date().toISOString() } });
    assert.equal(inv.status, 201, inv.text);
    assert.equal((await api(base, 'GET', `/timio-api/v1/rooms/vertrieb/invites/${inv.body.id}/calendar.ics`, { token: portalToken('anna') })).status, 200);
    expectError(await api(base, 'GET', '/timio-api/v1/nothing'), 404, 'not_found');
    assert.equal((await api(base, 'GET', '/')).text, 'portal home');
    assert.equal((await api(base, 'GET', '/timio-api-docs')).text, 'host page');
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await service.close();
  }
});
