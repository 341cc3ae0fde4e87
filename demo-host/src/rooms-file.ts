// Rooms created in the demo portal ("Neuen Raum anlegen"), kept across restarts in one JSON file.
// The file is replaced whole: written beside, synced, renamed over, the folder synced, so a crash
// or a full disk leaves the old file or the new one, never half of one. A save that fails throws
// and the caller does not keep the room (nothing is shown as made that is not on disk).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DemoRoom } from './pages.js';

export function loadRooms(file: string): DemoRoom[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  try {
    return JSON.parse(text) as DemoRoom[];
  } catch (err) {
    throw new Error(`demo portal: ${file} is corrupt (${(err as Error).message}); fix or remove it`);
  }
}

export function saveRooms(file: string, rooms: DemoRoom[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      // writeFileSync goes on after a short write until every byte is out, or throws (ENOSPC).
      writeFileSync(fd, JSON.stringify(rooms, null, 2));
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
}
