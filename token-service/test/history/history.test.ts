// Issue 24 finding 14: the call history is the service's, per person. One process without Redis:
// 1:1 calls and room meetings are written as they happen, each person reads only their own, the
// history survives a restart, the retention (HISTORY_RETENTION_DAYS) prunes by the service's clock,
// and bad queries get {error:{code,message}}.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEntry, HistoryPage } from '#protocol/history.js';
import { api, expectError, portalToken, startService, testEnv, withService, type RunningService } from '../helpers.js';
import { NO_USER_LIMITS } from '../../../testing/node/test-settings.js';
import { sendWebhook } from './webhooks.js';
import { waitUntil } from '../../../testing/wait.js';

const DAY = 24 * 60 * 60 * 1000;

async function historyOf(s: RunningService, user: string, query = ''): Promise<HistoryPage> {
  const res = await api(s.base, 'GET', `/v1/history${query}`, { token: portalToken(user) });
  assert.equal(res.status, 200, res.text);
  return res.body as HistoryPage;
}

/** Anna calls ben; `then` decides how it ends; returns the call id. */
async function call(s: RunningService, caller: string, callee: string, then: 'answer' | 'decline' | 'cancel'): Promise<string> {
  const started = await api(s.base, 'POST', '/v1/calls', { token: portalToken(caller), body: { callee } });
  assert.equal(started.status, 201, started.text);
  const id = started.body.call.id as string;
  if (then === 'answer') {
    assert.equal((await api(s.base, 'POST', `/v1/calls/${id}/accept`, { token: portalToken(callee), body: {} })).status, 200);
    assert.equal((await api(s.base, 'POST', `/v1/calls/${id}/end`, { token: portalToken(caller), body: {} })).status, 200);
  } else if (then === 'decline') {
    assert.equal((await api(s.base, 'POST', `/v1/calls/${id}/decline`, { token: portalToken(callee), body: {} })).status, 200);
  } else {
    assert.equal((await api(s.base, 'POST', `/v1/calls/${id}/cancel`, { token: portalToken(caller), body: {} })).status, 200);
  }
  return id;
}

const brief = (e: HistoryEntry) => `${e.kind}/${e.direction}/${e.outcome}/${e.with?.id ?? '-'}/${e.room?.id ?? '-'}`;

describe('the call history (one process, DATA_DIR)', () => {
  it('writes both sides of each call as that side saw it, shows each person only their own, and keeps it over a restart', async () => {
    const env = testEnv(NO_USER_LIMITS);
    let s = await startService({ env });
    try {
      const answered = await call(s, 'anna', 'ben', 'answer');
      const declined = await call(s, 'ben', 'anna', 'decline');
      const cancelled = await call(s, 'anna', 'carla', 'cancel');

      const anna = await historyOf(s, 'anna');
      assert.deepEqual(anna.entries.map(brief), ['call/outgoing/cancelled/carla/-', 'call/incoming/declined/ben/-', 'call/outgoing/completed/ben/-']);
      assert.equal(anna.more, false);
      assert.deepEqual(anna.entries.map((e) => e.id), [`call-${cancelled}`, `call-${declined}`, `call-${answered}`]);
      assert.equal(typeof anna.entries[2]!.durationSeconds, 'number', 'an answered call has its duration');
      assert.equal(anna.entries[0]!.durationSeconds, undefined, 'an unanswered one has none');
      assert.equal(anna.entries[2]!.with?.name, 'Ben Müller');

      assert.deepEqual((await historyOf(s, 'ben')).entries.map(brief), ['call/outgoing/declined/anna/-', 'call/incoming/completed/anna/-']);
      // Carla was called and the caller gave up: a missed call for her. Dora took part in nothing.
      assert.deepEqual((await historyOf(s, 'carla')).entries.map(brief), ['call/incoming/missed/anna/-']);
      assert.deepEqual((await historyOf(s, 'dora')).entries, []);

      // Pages: newest first, the next one before the last entry's time.
      const first = await historyOf(s, 'anna', '?limit=2');
      assert.deepEqual(first.entries.map((e) => e.id), [`call-${cancelled}`, `call-${declined}`]);
      assert.equal(first.more, true);
      const next = await historyOf(s, 'anna', `?limit=2&before=${encodeURIComponent(first.entries[1]!.at)}`);
      assert.deepEqual(next.entries.map((e) => e.id), [`call-${answered}`]);
      assert.equal(next.more, false);

      await s.close();
      s = await startService({ env });
      assert.deepEqual(await historyOf(s, 'anna'), anna, 'the same history after a restart');
      assert.deepEqual((await historyOf(s, 'carla')).entries.map(brief), ['call/incoming/missed/anna/-']);
    } finally {
      await s.close();
    }
  });

  it('writes room meetings: joined (incoming when the room was called, with the time spent once left), missed and declined', async () => {
    await withService({ env: testEnv(NO_USER_LIMITS) }, async (s) => {
    // Anna calls the room's members, joins, Ben follows the invitation; Carla does not come.
    assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/ring', { token: portalToken('anna'), body: {} })).status, 201);
    // The service answers a webhook before it has handled it: wait for what each one writes.
    const entriesOf = async (who: string, n: number) => waitUntil(async () => { const l = (await historyOf(s, who)).entries; return l.length >= n ? l : undefined; }, `${who}'s ${n} entries`);
    await sendWebhook(s.base, 'participant_joined', 'vertrieb', 'anna');
    assert.deepEqual((await entriesOf('anna', 1)).map(brief), ['meeting/outgoing/joined/-/vertrieb']);
    await sendWebhook(s.base, 'participant_joined', 'vertrieb', 'ben');
    await entriesOf('ben', 1);
    // A page change: LiveKit says left and joined again; still one meeting for Ben.
    await sendWebhook(s.base, 'participant_left', 'vertrieb', 'ben');
    await sendWebhook(s.base, 'participant_joined', 'vertrieb', 'ben');
    const ben = (await historyOf(s, 'ben')).entries;
    assert.deepEqual(ben.map(brief), ['meeting/incoming/joined/anna/vertrieb']);
    assert.equal(ben[0]!.room?.name, 'Vertrieb');
    assert.equal(ben[0]!.durationSeconds, undefined, 'no duration while in the meeting');

    // Ben says goodbye ("Konferenz verlassen") and leaves: his entry gets its time at once.
    assert.equal((await api(s.base, 'POST', '/v1/rooms/vertrieb/leave', { token: portalToken('ben'), body: {} })).status, 200);
    await sendWebhook(s.base, 'participant_left', 'vertrieb', 'ben');
    // The meeting ends (Anna still in it) while the invitation still rings: Carla missed it; Anna's entry gets its time.
    await sendWebhook(s.base, 'room_finished', 'vertrieb');
    const carla = await waitUntil(async () => { const l = (await historyOf(s, 'carla')).entries; return l.length > 0 ? l : undefined; }, 'Carla\'s missed meeting');
    assert.deepEqual(carla.map(brief), ['meeting/incoming/missed/anna/vertrieb']);
    for (const who of ['anna', 'ben']) {
      const [entry] = await waitUntil(async () => { const l = (await historyOf(s, who)).entries; return typeof l[0]?.durationSeconds === 'number' ? l : undefined; }, `${who}'s time in the meeting`);
      assert.equal(entry!.outcome, 'joined');
      assert.equal((await historyOf(s, who)).entries.length, 1);
    }

    // Carla calls Entwicklung; Ben declines.
    assert.equal((await api(s.base, 'POST', '/v1/rooms/entwicklung/ring', { token: portalToken('carla'), body: {} })).status, 201);
    assert.equal((await api(s.base, 'POST', '/v1/rooms/entwicklung/ring/decline', { token: portalToken('ben'), body: {} })).status, 200);
    assert.deepEqual((await historyOf(s, 'ben')).entries.map(brief)[0], 'meeting/incoming/declined/carla/entwicklung');
    assert.equal((await historyOf(s, 'anna')).entries.length, 1, 'not a member of Entwicklung: nothing of it');
    });
  });

  it('drops entries older than HISTORY_RETENTION_DAYS by the service\'s clock, also from the file', async () => {
    let clock = Date.now();
    const env = testEnv({ ...NO_USER_LIMITS, HISTORY_RETENTION_DAYS: '30' });
    let s = await startService({ env, options: { now: () => clock } });
    try {
      const old = await call(s, 'anna', 'ben', 'decline');
      clock += 20 * DAY;
      const recent = await call(s, 'anna', 'ben', 'cancel');
      assert.deepEqual((await historyOf(s, 'anna')).entries.map((e) => e.id), [`call-${recent}`, `call-${old}`]);
      const at = (await historyOf(s, 'anna')).entries.map((e) => Date.parse(e.at));
      assert.ok(Math.abs(at[0]! - at[1]! - 20 * DAY) < 60_000, 'times are on the service\'s clock');

      clock += 11 * DAY; // the first call is 31 days old now, the second 11
      assert.deepEqual((await historyOf(s, 'anna')).entries.map((e) => e.id), [`call-${recent}`]);
      assert.deepEqual((await historyOf(s, 'ben')).entries.map((e) => e.id), [`call-${recent}`]);

      await s.close();
      s = await startService({ env, options: { now: () => clock } });
      assert.deepEqual((await historyOf(s, 'anna')).entries.map((e) => e.id), [`call-${recent}`]);
      const file = readFileSync(join(env['DATA_DIR']!, 'history.log'), 'utf8');
      assert.ok(!file.includes(old) && file.includes(recent), 'the start compacted the expired entry out of history.log');

      clock += 20 * DAY;
      assert.deepEqual((await historyOf(s, 'anna')).entries, []);
    } finally {
      await s.close();
    }
  });

  it('answers bad queries and strangers with {error:{code,message}}', async () => {
    await withService({}, async (s) => {
    const anna = portalToken('anna');
    for (const query of ['?limit=0', '?limit=201', '?limit=abc', '?limit=-1', '?limit=1.5', '?limit=1&limit=2', '?before=yesterday', '?before=1700000000000', '?before=2026-13-45T00:00:00Z']) {
      expectError(await api(s.base, 'GET', `/v1/history${query}`, { token: anna }), 400, 'invalid_input');
    }
    expectError(await api(s.base, 'GET', '/v1/history'), 401, 'unauthorized');
    expectError(await api(s.base, 'GET', '/v1/history', { token: 'not-a-token' }), 401, 'unauthorized');
    expectError(await api(s.base, 'GET', '/v1/history', { token: portalToken('anna', {}, {}, 'a-different-secret-that-is-long-enough') }), 401, 'unauthorized');
    assert.equal((await api(s.base, 'GET', '/v1/history?limit=200', { token: anna })).status, 200);
    });
  });
});
