// Replacing a file whole, so that a crash or a full disk leaves the old file or the new one, never
// half of one: the new text is written beside it, synced, renamed over it, and the folder synced
// (the rename itself is durable only then). Shared by the token service (its logs' compacted
// copies) and the demo portal (its rooms file); both import it as `#node-lib/replace-file.js`.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `text` as `file` in one step (see above); returns its size in bytes. Throws when it fails, the old file kept. */
export function replaceFile(file: string, text: string): number {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      // writeFileSync goes on after a short write until every byte is out, or throws (ENOSPC).
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
  return Buffer.byteLength(text);
}
