// GET /v1/rooms/:room/ring: who "Alle Mitglieder rufen" would reach now, for its confirmation
// (issue 24 finding 8): the room's other members that are online or busy, with their names, the
// same ones the ring then invites; members only, guests and strangers refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestPage } from './pages.js';
import { fastSettings, portalToken, startService, type RunningService } from './service.js';

describe('who a room ring would reach (GET /v1/rooms/:room/ring)', () => {
  let s: RunningService;
  const pages: TestPage[] = [];
  const online = async (user: string) => pages.push((await TestPage.ready(s.wsUrl, portalToken(user))).page);
  const reach = async (user: string, room = 'vertrieb') => {
    const res = await fetch(`${s.url}/v1/rooms/${room}/ring`, { headers: { authorization: `Bearer ${portalToken(user)}` } });
    return { status: res.status, body: await res.json() as any };
  };

  before(async () => {
    s = await startService({ ...fastSettings, roomRingTimeoutMs: 30_000 });
  });
  after(async () => {
    for (const p of pages) p.close();
    await s?.close();
  });

  it('names the other members online, never the caller nor who is offline; the ring invites the same', async () => {
    assert.deepEqual((await reach('carla')).body, { members: [] }, 'nobody else online');
    await online('carla');
    await online('anna');
    await online('ben');
    // Felix is offline; Carla asks.
    const { status, body } = await reach('carla');
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.members.sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)), [
      { id: 'anna', name: 'Anna Schmidt' }, { id: 'ben', name: 'Ben Müller' },
    ]);
    const rung = await s.post('/v1/rooms/vertrieb/ring', 'carla', {});
    assert.equal(rung.status, 201, JSON.stringify(rung.body));
    assert.deepEqual([...rung.body.invited].sort(), body.members.map((m: { id: string }) => m.id).sort());
  });

  it('members only: another room\'s member 403 not_a_member, an unknown room 404, no token 401', async () => {
    const david = await reach('david');
    assert.equal(david.status, 403);
    assert.equal(david.body.error.code, 'not_a_member');
    assert.equal((await reach('anna', 'nowhere')).status, 404);
    const anonymous = await fetch(`${s.url}/v1/rooms/vertrieb/ring`);
    assert.equal(anonymous.status, 401);
  });
});
