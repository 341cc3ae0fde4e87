// Issued invites and their revocations, kept in DATA_DIR so both survive a restart. The file is
// replaced atomically (temporary file, then rename) and writes are serialized.
import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredInvite { room: string; expiresAt: string; createdBy: string; revokedAt?: string }

export interface InviteStore {
  get(id: string): StoredInvite | undefined;
  isRevoked(id: string): boolean;
  record(id: string, invite: StoredInvite): Promise<void>;
  revoke(id: string): Promise<StoredInvite>;
  /** Resolves when every write so far is on disk. */
  flushed(): Promise<void>;
}

export function openInviteStore(dataDir: string): InviteStore {
  mkdirSync(dataDir, { recursive: true });
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
      throw new Error(`${file} is corrupt (${(err as Error).message}); fix or remove it`);
    }
    for (const [id, r] of Object.entries(data.invites ?? {})) invites.set(id, r);
  }
  let writing: Promise<void> = Promise.resolve();
  let counter = 0;

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
    record(id, invite) {
      invites.set(id, invite);
      return persist();
    },
    async revoke(id) {
      const invite = invites.get(id);
      if (!invite) throw new Error(`unknown invite ${id}`);
      if (!invite.revokedAt) {
        invite.revokedAt = new Date().toISOString();
        await persist();
      }
      return invite;
    },
    flushed: () => writing.then(() => undefined, () => undefined),
  };
}
