// Background failures of the realtime transport reach the operator through the service's JSON
// logger (pino) with their context, not as bare stderr text beside it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../../src/http/logger.js';
import { RedisBus } from '../../src/realtime/redis-bus.js';
import { waitUntil } from '../../../testing/wait.js';
import { freePort } from '../../../testing/node/free-port.js';

test('a Redis that cannot be reached is logged as JSON error lines naming the component and the connection', async () => {
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line)).child({ component: 'realtime' });
  // Nothing listens on this port: both connections are refused and keep retrying.
  const bus = new RedisBus(`redis://127.0.0.1:${await freePort()}`, { logger });
  try {
    const entries = await waitUntil(() => {
      const found = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => String(e['msg']).startsWith('redis connection'));
      return new Set(found.map((e) => e['connection'])).size === 2 ? found : undefined;
    }, 'log lines from both Redis connections');
    for (const entry of entries) {
      assert.equal(entry['level'], 50, 'error level');
      assert.equal(entry['component'], 'realtime');
      assert.equal(entry['service'], 'timio-token-service');
      assert.match(String(entry['msg']), /^redis connection: .*ECONNREFUSED/);
    }
  } finally {
    await bus.close();
  }
});
