// The parts every JSON-lines file of DATA_DIR shares (the invite log, the call history): reading it
// back with a torn last record left out, and cutting that record off. A compacted copy replaces the
// file by replaceFile (node-lib/replace-file.ts), only once all of it is on disk. Appending is
// group-commit-log.ts, beside it.
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';

function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Hands each record of `file` to `onRecord`, in order. Every record ends with a newline, written
 * last: bytes after the last newline are a record torn by a crash mid-write, never acknowledged,
 * and are left out (their length is returned as `torn`). A damaged line before that is an error
 * naming it. A missing file has no records.
 */
export function readJsonLines<T>(file: string, onRecord: (record: T) => void): { complete: number; torn: number } {
  const bytes = readBytes(file);
  if (bytes === undefined) return { complete: 0, torn: 0 };
  // Cut in bytes, not characters: a torn tail may end inside a UTF-8 sequence.
  const cut = bytes.lastIndexOf(0x0a) + 1;
  bytes.subarray(0, cut).toString('utf8').split('\n').forEach((line, i) => {
    if (!line) return;
    let record: T;
    try {
      record = JSON.parse(line) as T;
    } catch (err) {
      throw new ConfigError(`${file} line ${i + 1} is corrupt (${(err as Error).message}); fix or remove it`);
    }
    onRecord(record);
  });
  return { complete: cut, torn: bytes.length - cut };
}

/** Cuts a torn last record off in place (works on a full disk, where a snapshot may not). */
export function cutTornTail(file: string, complete: number): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, complete);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
