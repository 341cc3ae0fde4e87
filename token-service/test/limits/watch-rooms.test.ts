// Issue 22 finding 10: the room-status watch. The 100-room limit counts what the page will watch
// after the frame (a `remove` padded with unwatched ids buys nothing), duplicates are dropped (one
// frame cannot ask for the same room a thousand times), and a page whose user leaves the room in
// the directory stops getting its status and is told.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Directory, DirectoryRoom } from '../../src/directory/directory.js';
import { api, DIRECTORY, portalToken, startServiceWithMedia, type ServiceWithMedia } from '../helpers.js';
import { TestPage } from '../realtime/pages.js';

// The directory as a host's would be: it changes while the service runs.
const rooms = new Map<string, DirectoryRoom>(DIRECTORY.rooms.map((r) => [r.id, { ...r, members: [...r.members], moderators: [...r.moderators] }]));
const directory: Directory = {
  getUser: async (id) => DIRECTORY.users.find((u) => u.id === id),
  getRoom: async (id) => rooms.get(id),
};

let s: ServiceWithMedia;
const pages: TestPage[] = [];
const page = async (user: string) => {
  const p = (await TestPage.ready(s.base.replace('http', 'ws') + '/v1/realtime', portalToken(user))).page;
  pages.push(p);
  return p;
};
before(async () => {
  s = await startServiceWithMedia({ options: { directory } });
});
after(async () => {
  for (const p of pages) p.close();
  await s.close();
});

test('finding 10: a remove padded with unwatched ids does not lift the 100-room limit; one frame, one answer', async () => {
  const anna = await page('anna');
  anna.send({ type: 'watch-rooms', add: ['vertrieb'] });
  await anna.next('room', (m) => m.room.id === 'vertrieb');
  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  // As many as a frame (16 KB) holds.
  anna.send({ type: 'watch-rooms', add: ids('r', 500), remove: ids('n', 500) });
  const refused = await anna.refusal();
  assert.equal(refused.error.code, 'invalid_input');
  assert.match(refused.error.message, /at most 100 rooms/);
  assert.equal(anna.received.filter((m) => m.type === 'error').length, 0, 'one refusal, not hundreds of answers');
  // Within the limit after the removes: a swap works.
  anna.send({ type: 'watch-rooms', add: ['entwicklung'], remove: ['vertrieb'] });
  const other = await anna.next('error', (m) => m.room === 'entwicklung');
  assert.equal(other.error.code, 'not_a_member', 'anna is no member of entwicklung: refused for that room alone');
});

test('finding 10: the same room hundreds of times in one frame is watched once, answered once', async () => {
  const carla = await page('carla');
  carla.send({ type: 'watch-rooms', add: Array.from({ length: 800 }, () => 'vertrieb'), remove: Array.from({ length: 400 }, () => 'vertrieb') });
  await carla.next('room', (m) => m.room.id === 'vertrieb');
  carla.send({ type: 'ping' });
  await carla.next('pong');
  assert.equal(carla.received.filter((m) => m.type === 'room').length, 0, 'one answer');
});

test('finding 10: removed from the room in the directory, a page stops getting its status and is told', async () => {
  const ben = await page('ben');
  const carla = await page('carla');
  for (const p of [ben, carla]) {
    p.send({ type: 'watch-rooms', add: ['vertrieb'] });
    await p.next('room', (m) => m.room.id === 'vertrieb');
  }
  rooms.get('vertrieb')!.members = rooms.get('vertrieb')!.members.filter((id) => id !== 'ben');
  const before = ben.received.filter((m) => m.type === 'room').length;
  // Anything that changes the room pushes its status (here: a new invite, the room bar's next meeting).
  assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date(Date.now() + 3600_000).toISOString() } })).status, 201);
  await carla.next('room', (m) => m.room.id === 'vertrieb' && m.room.nextMeeting !== undefined);
  const told = await ben.next('error', (m) => m.room === 'vertrieb');
  assert.equal(told.error.code, 'not_a_member');
  assert.equal(ben.received.filter((m) => m.type === 'room').length, before, 'no status after the removal');
  // A second change reaches Carla only, and Ben hears nothing more.
  assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/invites', { token: portalToken('anna'), body: { startsAt: new Date(Date.now() + 1800_000).toISOString() } })).status, 201);
  await carla.next('room', (m) => m.room.id === 'vertrieb' && m.room.nextMeeting?.startsAt !== undefined && Date.parse(m.room.nextMeeting.startsAt) < Date.now() + 3000_000);
  assert.equal(ben.received.filter((m) => m.type === 'error' && m.room === 'vertrieb').length, 0, 'told once');
});
