// The light part a portal page loads (dist/timio.js and every chunk it imports statically) stays
// within its budget and holds no livekit-client, and the session + views chunk within its own: the same figures as
// `npm run bench -- bundle` (bench/lib/bundle-parts.ts), checked on every build. Needs `npm run build`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LIGHT_BUDGET_BYTES, VIEWS_BUDGET_BYTES, bundleParts } from '../../bench/lib/bundle-parts.js';

const dist = join(import.meta.dirname, '..', '..', 'dist');

describe('the light part (build)', () => {
  it(`stays within ${LIGHT_BUDGET_BYTES / 1024} KB gzip, without livekit-client, which comes with the call chunk`, () => {
    assert.ok(existsSync(join(dist, 'timio.js')), 'dist/timio.js exists (run `npm run build` first)');
    const parts = bundleParts(dist);
    const files = [...parts.light].map((f) => f.slice(dist.length + 1)).join(' + ');
    assert.ok(parts.lightBytes <= LIGHT_BUDGET_BYTES, `light part ${parts.lightBytes} bytes gzip (${files}) > ${LIGHT_BUDGET_BYTES}`);
    assert.equal(parts.livekitInLight, false, `livekit-client leaked into the light part (${files})`);
    assert.equal(parts.livekitChunks.length, 1, 'livekit-client is a chunk of its own, loaded by the call');
    assert.equal(parts.callsChunks.length, 1, 'the call machine is a chunk of its own, loaded on the first call event or action');
  });

  it(`the session + views chunk stays within ${VIEWS_BUDGET_BYTES / 1024} KB gzip (without livekit-client and the calls chunk)`, () => {
    const parts = bundleParts(dist);
    assert.ok(parts.viewsBytes <= VIEWS_BUDGET_BYTES, `session + views ${parts.viewsBytes} bytes gzip > ${VIEWS_BUDGET_BYTES}`);
  });
});
