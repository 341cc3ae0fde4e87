// The invite store in Redis (REDIS_URL): every process sees an invite and its revocation at once.
// Each invite is one key that expires a minute after the invite; a revocation is set inside the
// key by a script, so two processes revoking at once cannot undo each other. How durable an
// acknowledged change is depends on Redis's persistence (docs/security.md: appendonly).
import { Redis } from 'ioredis';
import { ApiError } from '../http/errors.js';
import { isOpen, type InviteStore, type InviteStoreOptions, type StoredInvite } from './invite-store.js';

const key = (id: string) => `timio:invite:${id}`;
// The ids of a room's invites (the invites themselves expire; the index is pruned on reading).
const roomKey = (room: string) => `timio:invites-of:${room}`;

const REVOKE = `
local v = redis.call('GET', KEYS[1])
if not v then return false end
local o = cjson.decode(v)
if not o.revokedAt then
  o.revokedAt = ARGV[1]
  redis.call('SET', KEYS[1], cjson.encode(o), 'KEEPTTL')
end
return cjson.encode(o)`;

export function openRedisInviteStore(url: string, options: InviteStoreOptions = {}): InviteStore {
  const now = options.now ?? Date.now;
  const redis = new Redis(url, { maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(100 * times, 1_000) });
  redis.on('error', () => undefined); // commands fail on their own; the log would repeat each reconnect attempt
  const unavailable = (what: string, err: unknown) => new ApiError(503, 'storage_unavailable', `could not save the ${what}: ${(err as Error).message}`);
  const get = async (id: string): Promise<StoredInvite | undefined> => {
    const raw = await redis.get(key(id));
    return raw ? (JSON.parse(raw) as StoredInvite) : undefined;
  };
  return {
    get,
    isRevoked: async (id) => (await get(id))?.revokedAt !== undefined,
    async record(id, invite) {
      try {
        const results = await redis.multi()
          // A lifetime, not Redis's clock's instant: the expiry follows the service's calendar.
          .set(key(id), JSON.stringify(invite), 'PX', Math.max(1, Date.parse(invite.expiresAt) + 60_000 - now()))
          .zadd(roomKey(invite.room), Date.parse(invite.expiresAt), id)
          .exec();
        const failed = results?.find(([err]) => err);
        if (failed) throw failed[0];
      } catch (err) {
        throw unavailable('invite', err);
      }
    },
    async revoke(id) {
      let raw: unknown;
      try {
        raw = await redis.eval(REVOKE, 1, key(id), new Date(now()).toISOString());
      } catch (err) {
        throw unavailable('revocation', err);
      }
      if (typeof raw !== 'string') throw new Error(`unknown invite ${id}`);
      return JSON.parse(raw) as StoredInvite;
    },
    async open(room) {
      await redis.zremrangebyscore(roomKey(room), '-inf', now() - 60_000);
      const ids = await redis.zrange(roomKey(room), 0, -1);
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map(key));
      const found: Array<StoredInvite & { id: string }> = [];
      raws.forEach((raw, i) => {
        if (!raw) return;
        const invite = JSON.parse(raw) as StoredInvite;
        if (invite.room === room && isOpen(invite, now())) found.push({ ...invite, id: ids[i]! });
      });
      return found;
    },
    async close() {
      redis.disconnect();
    },
  };
}
