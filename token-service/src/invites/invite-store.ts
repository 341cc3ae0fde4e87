// Issued invites and their revocations, kept in DATA_DIR so both survive a restart. The file is
// replaced atomically (temporary file, then rename) and writes are serialized. A revocation is
// reported done only once a write that contains it succeeded.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../config.js';
import { ApiError } from '../http/errors.js';

export interface StoredInvite {
  room: string;
  expiresAt: string;
  createdBy: string;
  /** What the invite says (for the moderator's calendar file); absent in invites of older versions. */
  title?: string;
  startsAt?: string;
  durationMinutes?: number;
  revokedAt?: string;
}

export interface InviteStore {
  get(id: string): StoredInvite | undefined;
  isRevoked(id: string): boolean;
  record(id: string, invite: StoredInvite): Promise<void>;
  revoke(id: string): Promise<StoredInvite>;
  /** Resolves when every write so far is on disk. */
  flushed(): Promise<void>;
}

/** Throws a ConfigError naming DATA_DIR when the service could not keep a revocation there. */
export function checkWritable(dataDir: string): void {
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, 'ok', { mode: 0o600 });
    unlinkSync(probe);
  } catch (err) {
    throw new ConfigError(`DATA_DIR ${dataDir} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); invites and their revocations are kept there`);
  }
}

export function openInviteStore(dataDir: string): InviteStore {
  checkWritable(dataDir);
  const file = join(dataDir, 'invites.json');
  const invites = new Map<string, StoredInvite>();
  let raw: string | undefined;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (raw !== undefined) {
    // A corrupt file must stop the start: silently forgetting revocations would let guests back in.
    let data: { invites?: Record<string, StoredInvite> };
    try {
      data = JSON.parse(raw) as typeof data;
    } catch (err) {
      throw new ConfigError(`${file} is corrupt (${(err as Error).message}); fix or remove it`);
    }
    for (const [id, r] of Object.entries(data.invites ?? {})) invites.set(id, r);
  }
  let writing: Promise<void> = Promise.resolve();
  let counter = 0;
  // Revocations marked in memory (guests are refused at once) but not yet confirmed on disk.
  const unsaved = new Set<string>();

  function persist(): Promise<void> {
    const write = async () => {
      const now = Date.now();
      // An expired invite is refused by its own expiry; it need not be kept.
      for (const [id, r] of invites) if (Date.parse(r.expiresAt) < now - 60_000) invites.delete(id);
      const tmp = `${file}.${process.pid}.${++counter}.tmp`;
      await writeFile(tmp, JSON.stringify({ invites: Object.fromEntries(invites) }, null, 1), { mode: 0o600 });
      await rename(tmp, file);
    };
    writing = writing.then(write, write);
    return writing;
  }

  return {
    get: (id) => invites.get(id),
    isRevoked: (id) => invites.get(id)?.revokedAt !== undefined,
    async record(id, invite) {
      invites.set(id, invite);
      try {
        await persist();
      } catch (err) {
        // Not handed out, so not kept: an invite that is not on disk would vanish at a restart.
        invites.delete(id);
        throw new ApiError(503, 'storage_unavailable', `could not save the invite: ${(err as Error).message}`);
      }
    },
    async revoke(id) {
      const invite = invites.get(id);
      if (!invite) throw new Error(`unknown invite ${id}`);
      if (invite.revokedAt && !unsaved.has(id)) return invite;
      invite.revokedAt ??= new Date().toISOString();
      unsaved.add(id);
      try {
        await persist();
      } catch (err) {
        throw new ApiError(503, 'storage_unavailable', `could not save the revocation: ${(err as Error).message}`);
      }
      unsaved.delete(id);
      return invite;
    },
    flushed: () => writing.then(() => undefined, () => undefined),
  };
}
