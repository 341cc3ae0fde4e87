// Issued invites and their revocations, kept so both survive a restart: in DATA_DIR as an
// append-only log (invites/invite-log.ts), or in Redis when REDIS_URL is set so several processes
// share them (invites/redis-invite-store.ts). A change is acknowledged only once it is durable.
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.js';

export interface StoredInvite {
  room: string;
  expiresAt: string;
  createdBy: string;
  /** What the invite says (for the moderator's calendar file); absent in invites of older versions. */
  title?: string;
  startsAt?: string;
  durationMinutes?: number;
  /** The inviter's language and time zone for the texts (absent in older invites: en, UTC). */
  lang?: 'de' | 'en';
  timeZone?: string;
  /** The one guest the link is for: the guest page pre-fills the name. */
  guestName?: string;
  email?: string;
  /** Guests of this invite always wait until a moderator lets them in. */
  waitingRoom?: boolean;
  revokedAt?: string;
}

export interface InviteStore {
  get(id: string): Promise<StoredInvite | undefined>;
  isRevoked(id: string): Promise<boolean>;
  /** Resolves once the invite is durable; rejects with ApiError 503 storage_unavailable otherwise. */
  record(id: string, invite: StoredInvite): Promise<void>;
  /** Resolves once the revocation is durable; rejects with ApiError 503 storage_unavailable otherwise. */
  revoke(id: string): Promise<StoredInvite>;
  /** The room's invites that are neither revoked nor expired, oldest first. */
  open(room: string): Promise<Array<StoredInvite & { id: string }>>;
  /** Waits for pending writes and lets go of files and connections. */
  close(): Promise<void>;
}

/** Where a store takes the calendar's now from (createTokenService's `now` option). */
export interface InviteStoreOptions {
  now?: () => number;
}

/** An invite past its expiry (plus a minute of clock slack) is refused by its own token: no need to keep it. */
export function isStale(invite: StoredInvite, now = Date.now()): boolean {
  return Date.parse(invite.expiresAt) < now - 60_000;
}

/** An invite still usable: not revoked, not past its expiry. */
export function isOpen(invite: StoredInvite, now = Date.now()): boolean {
  return !invite.revokedAt && Date.parse(invite.expiresAt) > now;
}

/**
 * Throws a ConfigError naming DATA_DIR when the service could not keep a revocation there. A full
 * disk is not a mistake in the setup: the service starts (calls and presence need no disk), says
 * so through `warn`, and answers invite changes 503 until there is space again.
 */
export function checkWritable(dataDir: string, warn?: (line: string) => void): void {
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, 'ok', { mode: 0o600 });
    unlinkSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (warn && (code === 'ENOSPC' || code === 'EDQUOT')) {
      rmSync(probe, { force: true }); // created, but nothing fitted in it
      warn(`DATA_DIR ${dataDir} is full (${code}): new invites and revocations are refused (503) until there is space`);
      return;
    }
    throw new ConfigError(`DATA_DIR ${dataDir} is not writable (${code ?? (err as Error).message}); invites and their revocations are kept there`);
  }
}
