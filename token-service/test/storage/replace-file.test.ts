// node-lib/replace-file.ts, the one way the token service's logs (their compacted copies) and the
// demo portal's rooms file are replaced: the new text in place of the old, its size in bytes, and on
// a failure an error with the old file untouched and no copy left beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFile } from '#node-lib/replace-file.js';

test('replaces the file whole, answers its size in bytes, and leaves nothing beside it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'timio-replace-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'rooms.json');
  writeFileSync(file, 'old text, longer than the new one');
  assert.equal(replaceFile(file, '["Büro"]'), 9, 'ü is two bytes');
  assert.equal(readFileSync(file, 'utf8'), '["Büro"]');
  assert.deepEqual(readdirSync(dir), ['rooms.json']);
});

test('a replace that cannot be done throws, keeps what was there and leaves no copy beside it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'timio-replace-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A folder where the file should be: the copy is written, but cannot be renamed over it.
  const target = join(dir, 'history.log');
  mkdirSync(target);
  writeFileSync(join(target, 'inside'), 'kept');
  assert.throws(() => replaceFile(target, 'new\n'), (err: NodeJS.ErrnoException) => ['EISDIR', 'ENOTEMPTY', 'EEXIST'].includes(err.code!));
  assert.deepEqual(readdirSync(dir), ['history.log'], 'no copy left');
  assert.equal(readFileSync(join(target, 'inside'), 'utf8'), 'kept');
});
