// chunk-sources reads a source map as a bundler writes it: the VLQ segments, and which file each
// stretch of a chunk came from.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunkSources, decodeSegment } from './chunk-sources.js';

describe('chunk sources', () => {
  it('decodes base64 VLQ segments (signs and continuation digits)', () => {
    assert.deepEqual(decodeSegment('AAAA'), [0, 0, 0, 0]);
    assert.deepEqual(decodeSegment('CAAC'), [1, 0, 0, 1]);
    assert.deepEqual(decodeSegment('D'), [-1]);
    assert.deepEqual(decodeSegment('gB'), [16]);
    assert.throws(() => decodeSegment('A!'), /not base64 VLQ/);
  });

  it('attributes each stretch of a chunk to the file its mapping names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chunk-sources-'));
    try {
      const code = 'const a=1;const bb=22;';
      writeFileSync(join(dir, 'x.js'), code);
      // column 0 → source 0 (a.ts); column 10 → source 1 (b.ts)
      writeFileSync(join(dir, 'x.js.map'), JSON.stringify({ version: 3, sources: ['../src/a.ts', '../src/b.ts'], mappings: 'AAAA,UCAA' }));
      const shares = chunkSources(join(dir, 'x.js'));
      assert.deepEqual(Object.fromEntries(shares.map((s) => [s.source, s.chars])), { 'src/a.ts': 10, 'src/b.ts': 12 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
