// Rooms created in the demo portal ("Neuen Raum anlegen"), kept across restarts in one JSON file.
// The file is replaced whole (node-lib/replace-file.ts), so a crash or a full disk leaves the old
// file or the new one, never half of one. A save that fails throws and the caller does not keep the
// room (nothing is shown as made that is not on disk).
import { readFileSync } from 'node:fs';
import { replaceFile } from '#node-lib/replace-file.js';
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
  replaceFile(file, JSON.stringify(rooms, null, 2));
}
