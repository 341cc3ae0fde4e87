// The invite store in DATA_DIR: an append-only log (`invites.log`, one JSON line per change), each
// change acknowledged once all of it is written and synced (append-log.ts: a full disk is a 503,
// never a torn record that later lines run into). Changes arriving while a sync runs go out together in the next
// write (group commit), so a burst of revocations costs a few syncs, not one rewrite each. The log
// is compacted (live invites only, written aside, synced, renamed) at start and when it has grown
// well beyond what it holds. An `invites.json` of older versions is taken over once.
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.js';
import { ApiError } from '../http/errors.js';
import { AppendLog, type WriteAt } from './append-log.js';
import { checkWritable, isOpen, isStale, type InviteStore, type InviteStoreOptions, type StoredInvite } from './invite-store.js';

type Entry = { op: 'add'; id: string; invite: StoredInvite } | { op: 'revoke'; id: string; at: string };

const COMPACT_MIN_LINES = 10_000;

function readBytes(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Replays the log into the map. Every record ends with a newline, written last: bytes after the
 * last newline are a record torn by a crash mid-write, never acknowledged, and are left out (their
 * length is returned). A damaged line before that is an error naming it.
 */
function replay(file: string, invites: Map<string, StoredInvite>): { complete: number; torn: number } {
  const bytes = readBytes(file);
  if (bytes === undefined) return { complete: 0, torn: 0 };
  // Cut in bytes, not characters: a torn tail may end inside a UTF-8 sequence.
  const cut = bytes.lastIndexOf(0x0a) + 1;
  bytes.subarray(0, cut).toString('utf8').split('\n').forEach((line, i) => {
    if (!line) return;
    let e: Entry;
    try {
      e = JSON.parse(line) as Entry;
    } catch (err) {
      // Forgetting a revocation would let a guest back in: a damaged record in the middle stops the start.
      throw new ConfigError(`${file} line ${i + 1} is corrupt (${(err as Error).message}); fix or remove it`);
    }
    if (e.op === 'add') invites.set(e.id, { ...e.invite });
    else if (e.op === 'revoke') {
      const inv = invites.get(e.id);
      if (inv) inv.revokedAt ??= e.at;
    }
  });
  return { complete: cut, torn: bytes.length - cut };
}

/** Cuts a torn last record off in place (works on a full disk, where a snapshot may not). */
function cutTornTail(file: string, complete: number): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, complete);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the live invites as a fresh log beside the old one, syncs it, renames it over; returns its size. */
function writeSnapshot(dir: string, file: string, invites: Map<string, StoredInvite>): number {
  const tmp = `${file}.${process.pid}.tmp`;
  const lines = [...invites].map(([id, invite]) => `${JSON.stringify({ op: 'add', id, invite } satisfies Entry)}\n`).join('');
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      // writeFileSync goes on after a short write until every byte is out (or throws).
      writeFileSync(fd, lines);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  // The rename itself is durable only once the folder is synced.
  const dirFd = openSync(dir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  return Buffer.byteLength(lines);
}

export interface InviteLogOptions extends InviteStoreOptions {
  /** The write call (tests inject one that writes short, as a full disk does). */
  writeAt?: WriteAt;
  /** Where things an operator should know go (a torn record dropped, a compaction that failed). */
  warn?: (line: string) => void;
}

export function openInviteLog(dataDir: string, options: InviteLogOptions = {}): InviteStore {
  const now = options.now ?? Date.now;
  const warn = options.warn ?? (() => undefined);
  checkWritable(dataDir, warn);
  const file = join(dataDir, 'invites.log');
  const legacy = join(dataDir, 'invites.json');
  const invites = new Map<string, StoredInvite>();
  const legacyText = readBytes(legacy)?.toString('utf8');
  if (legacyText !== undefined) {
    try {
      const data = JSON.parse(legacyText) as { invites?: Record<string, StoredInvite> };
      for (const [id, r] of Object.entries(data.invites ?? {})) invites.set(id, r);
    } catch (err) {
      throw new ConfigError(`${legacy} is corrupt (${(err as Error).message}); fix or remove it`);
    }
  }
  const { complete, torn } = replay(file, invites);
  if (torn > 0) {
    cutTornTail(file, complete);
    warn(`${file}: dropped a torn last record (${torn} bytes, a write cut short by a crash; it was never acknowledged)`);
  }
  for (const [id, r] of invites) if (isStale(r, now())) invites.delete(id);
  let size: number;
  try {
    size = writeSnapshot(dataDir, file, invites);
  } catch (err) {
    // Taking over invites.json needs the snapshot; otherwise the log as it is will do (a full disk must not stop the start).
    if (legacyText !== undefined) throw err;
    warn(`${file}: could not compact the log at start (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); using it as it is`);
    if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
    size = complete;
  }
  if (legacyText !== undefined) unlinkSync(legacy);
  let log = new AppendLog(file, size, options.writeAt);
  let lines = invites.size;

  let queue: Array<{ line: string; done: (err?: Error) => void }> = [];
  let running: Promise<void> | undefined;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await log.append(batch.map((b) => `${b.line}\n`).join(''));
        lines += batch.length;
        for (const b of batch) b.done();
      } catch (err) {
        // Cut off again by the log: none of the batch is on disk, none is acknowledged.
        for (const b of batch) b.done(err as Error);
      }
      if (lines > COMPACT_MIN_LINES && lines > 4 * invites.size) {
        try {
          for (const [id, r] of invites) if (isStale(r, now())) invites.delete(id);
          log = new AppendLog(file, writeSnapshot(dataDir, file, invites), options.writeAt);
          lines = invites.size;
        } catch {
          // Compaction is an optimisation; the log stays valid without it.
        }
      }
    }
  }

  function append(entry: Entry, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      queue.push({
        line: JSON.stringify(entry),
        done: (err) => err ? reject(new ApiError(503, 'storage_unavailable', `could not save the ${what}: ${err.message}`)) : resolve(),
      });
      running ??= flush().finally(() => (running = undefined));
    });
  }

  // Revocations being written (a second request for one waits for the same write), and those
  // marked in memory whose write failed (the next request writes them again).
  const revoking = new Map<string, Promise<void>>();
  const unsaved = new Set<string>();

  return {
    get: async (id) => invites.get(id),
    isRevoked: async (id) => invites.get(id)?.revokedAt !== undefined,
    async record(id, invite) {
      await append({ op: 'add', id, invite }, 'invite');
      invites.set(id, { ...invite });
    },
    async revoke(id) {
      const invite = invites.get(id);
      if (!invite) throw new Error(`unknown invite ${id}`);
      for (let pending = revoking.get(id); pending; pending = revoking.get(id)) await pending.catch(() => undefined);
      if (invite.revokedAt && !unsaved.has(id)) return invite;
      // Refused at once in memory, acknowledged only once on disk.
      invite.revokedAt ??= new Date(now()).toISOString();
      unsaved.add(id);
      const write = append({ op: 'revoke', id, at: invite.revokedAt }, 'revocation');
      revoking.set(id, write);
      try {
        await write;
        unsaved.delete(id);
      } finally {
        revoking.delete(id);
      }
      return invite;
    },
    async open(room) {
      return [...invites].filter(([, r]) => r.room === room && isOpen(r, now())).map(([id, r]) => ({ ...r, id }));
    },
    async close() {
      while (running) await running;
    },
  };
}
