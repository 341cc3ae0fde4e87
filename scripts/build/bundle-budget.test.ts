// The light part a portal page loads (dist/timio.js and every chunk it imports statically) stays
// within its budget and holds no livekit-client; what opening a 1:1 call and what opening a
// conference add (every chunk each needs, livekit-client apart) stay within theirs; and every chunk
// the light part can reach is counted in some row. The same figures as `npm run bench -- bundle`
// (bench/lib/bundle-parts.ts), checked on every build. Needs `npm run build`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CALL_BUDGET_BYTES, CONFERENCE_BUDGET_BYTES, LIGHT_BUDGET_BYTES, bundleParts } from '../../bench/lib/bundle-parts.js';

const dist = join(import.meta.dirname, '..', '..', 'dist');

describe('the light part (build)', () => {
  it(`stays within ${LIGHT_BUDGET_BYTES / 1024} KB gzip, without livekit-client, which comes with the call chunk`, () => {
    assert.ok(existsSync(join(dist, 'timio.js')), 'dist/timio.js exists (run `npm run build` first)');
    const parts = bundleParts(dist);
    const files = [...parts.light].map((f) => f.slice(dist.length + 1)).join(' + ');
    assert.ok(parts.lightBytes <= LIGHT_BUDGET_BYTES, `light part ${parts.lightBytes} bytes gzip (${files}) > ${LIGHT_BUDGET_BYTES}`);
    assert.equal(parts.livekitInLight, false, `livekit-client leaked into the light part (${files})`);
    assert.equal(parts.livekit.files.length, 1, 'livekit-client is a chunk of its own, loaded by the call');
    assert.match(parts.calls.files.join(' '), /page-machine-/, 'the call machine is a chunk of its own, loaded on the first call event or action');
  });
});

describe('the lazy parts (build)', () => {
  it(`opening a 1:1 call adds at most ${CALL_BUDGET_BYTES / 1024} KB gzip besides livekit-client (calls + session + call window), in German and in English`, () => {
    const { call, callEnglish } = bundleParts(dist);
    for (const part of ['page-machine', 'session', 'call-window']) assert.ok(call.files.some((f) => f.includes(`/${part}-`)), `${part} counted (${call.files.join(', ')})`);
    assert.ok(callEnglish.files.some((f) => /\/en-/.test(f)), `the English strings counted (${callEnglish.files.join(', ')})`);
    for (const r of [call, callEnglish]) assert.ok(r.bytes <= CALL_BUDGET_BYTES, `${r.name}: ${r.bytes} bytes gzip (${r.files.join(' + ')}) > ${CALL_BUDGET_BYTES}`);
  });

  it(`opening a conference adds at most ${CONFERENCE_BUDGET_BYTES / 1024} KB gzip besides livekit-client (session + conference), in German and in English`, () => {
    const { conference, conferenceEnglish } = bundleParts(dist);
    for (const part of ['session', 'conference']) assert.ok(conference.files.some((f) => f.includes(`/${part}-`)), `${part} counted (${conference.files.join(', ')})`);
    assert.ok(!conference.files.some((f) => f.includes('/call-window-')), 'the call window is not part of a conference');
    assert.equal(conferenceEnglish.files.filter((f) => /\/en-/.test(f)).length, 2, `the English strings counted (${conferenceEnglish.files.join(', ')})`);
    for (const r of [conference, conferenceEnglish]) assert.ok(r.bytes <= CONFERENCE_BUDGET_BYTES, `${r.name}: ${r.bytes} bytes gzip (${r.files.join(' + ')}) > ${CONFERENCE_BUDGET_BYTES}`);
  });

  it('counts every chunk the light part can reach in some row (nothing left out of the figures)', () => {
    const parts = bundleParts(dist);
    assert.deepEqual(parts.unaccounted, []);
    assert.ok(parts.onClick.length > 0, 'the click-only parts (sound and background settings) have rows of their own');
  });
});
