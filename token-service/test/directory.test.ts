// The directory from a file (checked at start, re-read on change), over HTTP from the host, or from the host's callbacks, and what the service
// answers when LiveKit cannot be reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.js';
import { waitUntil } from '../../testing/wait.js';
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

const base = {
  users: [{ id: 'anna', name: 'Anna Schmidt' }, { id: 'ben', name: 'Ben Müller' }],
  rooms: [{ id: 'vertrieb', name: 'Vertrieb', members: ['anna', 'ben'], moderators: ['anna'] }],
};
const withNewRoom = { ...base, rooms: [...base.rooms, { id: 'neu', name: 'Neuer Raum', members: ['ben'], moderators: ['ben'] }] };

test('DIRECTORY_FILE is re-read when it changes: a new room works without a restart, a bad file keeps the old directory', async () => {
  const file = fileWith(base);
  const s = await startService({ env: testEnv({ DIRECTORY_FILE: file }) });
  const token = (user: string, room: string) => api(s.base, 'POST', '/v1/token', { token: portalToken(user), body: { room } });
  try {
    expectError(await token('ben', 'neu'), 404, 'not_found');
    // Written the way a portal would: a temporary file renamed over the old one.
    writeFileSync(`${file}.tmp`, JSON.stringify(withNewRoom));
    renameSync(`${file}.tmp`, file);
    await waitUntil(async () => (await token('ben', 'neu')).status === 200, 'the new room');
    writeFileSync(file, '{"users": [');
    await waitUntil(async () => s.logs.some((l) => /kept the previous directory/.test(l)), 'the bad file to be reported');
    assert.equal((await token('ben', 'neu')).status, 200, 'the previous directory stays');
  } finally {
    await s.close();
  }
});

test('DIRECTORY_URL: the host serves the directory with a shared secret; a room it adds is found at once', async () => {
  const secret = 'directory-secret-0123456789';
  let data: unknown = base;
  const seen: string[] = [];
  const host = createServer((req, res) => {
    seen.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== `Bearer ${secret}`) return void res.writeHead(401).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(data));
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/directory.json`;
  const s = await startService({ env: testEnv({ DIRECTORY_FILE: undefined, DIRECTORY_URL: url, DIRECTORY_SECRET: secret }) });
  const token = (user: string, room: string) => api(s.base, 'POST', '/v1/token', { token: portalToken(user), body: { room } });
  try {
    assert.equal((await token('anna', 'vertrieb')).status, 200);
    data = withNewRoom;
    await waitUntil(async () => (await token('ben', 'neu')).status === 200, 'the room the host added');
    assert.ok(seen.every((h) => h === `Bearer ${secret}`));
    assert.throws(() => loadConfig(testEnv({ DIRECTORY_FILE: undefined, DIRECTORY_URL: url })), /DIRECTORY_SECRET is required/);
  } finally {
    await s.close();
    host.close();
  }
});
