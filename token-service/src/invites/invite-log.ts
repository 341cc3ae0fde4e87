// The invite store in DATA_DIR: an append-only log (`invites.log`, one JSON line per change), each
// change acknowledged once all of it is written and synced (append-log.ts: a full disk is a 503,
// never a torn record that later lines run into). Changes arriving while a sync runs go out together in the next
// write (group commit), so a burst of revocations costs a few syncs, not one rewrite each. The log
// is compacted (live invites only, written aside, synced, renamed) at start and when it has grown
// well beyond what it holds. An `invites.json` of older versions is taken over once.
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.js';
import { ApiError } from '../http/errors.js';
import type { WriteAt } from '../storage/append-log.js';
import { GroupCommitLog } from '../storage/group-commit-log.js';
import { cutTornTail, readJsonLines } from '../storage/json-lines.js';
import { replaceFile } from '#node-lib/replace-file.js';
import { checkWritable, isOpen, isStale, type InviteStore, type InviteStoreOptions, type StoredInvite } from './invite-store.js';

type Entry = { op: 'add'; id: string; invite: StoredInvite } | { op: 'revoke'; id: string; at: string };


/** Replays the log into the map (storage/json-lines.ts: a torn last record is left out, a damaged one before it stops the start). */
function replay(file: string, invites: Map<string, StoredInvite>): { complete: number; torn: number } {
  return readJsonLines<Entry>(file, (e) => {
    if (e.op === 'add') invites.set(e.id, { ...e.invite });
    else if (e.op === 'revoke') {
      const inv = invites.get(e.id);
      if (inv) inv.revokedAt ??= e.at;
    }
  });
}

/** The live invites as a fresh log (storage/json-lines.ts); returns its size. */
function writeInvites(file: string, invites: Map<string, StoredInvite>): number {
  return replaceFile(file, [...invites].map(([id, invite]) => `${JSON.stringify({ op: 'add', id, invite } satisfies Entry)}\n`).join(''));
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
  const legacyText = existsSync(legacy) ? readFileSync(legacy, 'utf8') : undefined;
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
    size = writeInvites(file, invites);
  } catch (err) {
    // Taking over invites.json needs the snapshot; otherwise the log as it is will do (a full disk must not stop the start).
    if (legacyText !== undefined) throw err;
    warn(`${file}: could not compact the log at start (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); using it as it is`);
    if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
    size = complete;
  }
  if (legacyText !== undefined) unlinkSync(legacy);
  const log = new GroupCommitLog({
    file, size, ...(options.writeAt ? { writeAt: options.writeAt } : {}), live: () => invites.size,
    snapshot: () => {
      for (const [id, r] of invites) if (isStale(r, now())) invites.delete(id);
      return writeInvites(file, invites);
    },
  });

  function append(entry: Entry, what: string): Promise<void> {
    return log.append(JSON.stringify(entry)).catch((err: Error) => {
      throw new ApiError(503, 'storage_unavailable', `could not save the ${what}: ${err.message}`);
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
      await log.drained();
    },
  };
}
