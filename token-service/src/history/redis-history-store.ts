// The call history in Redis (REDIS_URL): every process reads and writes the same history. Per
// person a sorted set of entry ids by time and a hash of the entries; one script writes an entry and
// drops what is past the retention or beyond the per-person cap, so two processes writing at once
// cannot leave ids without entries. Both keys expire after the retention when nothing is written.
// How durable an acknowledged entry is depends on Redis's persistence (docs/security.md: appendonly).
import { Redis } from 'ioredis';
import type { HistoryEntry } from '#protocol/history.js';
import { ApiError } from '../http/errors.js';
import { MAX_ENTRIES_PER_PERSON, newestFirst, type HistoryStore, type HistoryStoreOptions } from './history-store.js';

const timesKey = (owner: string) => `timio:history:${owner}`;
const entriesKey = (owner: string) => `timio:history-entries:${owner}`;

// KEYS: times, entries. ARGV: cutoff (ms), cap, [id, at (ms), json, ttl (ms)] to write.
const PRUNE_AND_PUT = `
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1])
if #old > 0 then
  redis.call('ZREM', KEYS[1], unpack(old))
  redis.call('HDEL', KEYS[2], unpack(old))
end
if ARGV[3] then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[5])
  redis.call('PEXPIRE', KEYS[1], ARGV[6])
  redis.call('PEXPIRE', KEYS[2], ARGV[6])
end
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[2])
if over > 0 then
  local drop = redis.call('ZRANGE', KEYS[1], 0, over - 1)
  redis.call('ZREM', KEYS[1], unpack(drop))
  redis.call('HDEL', KEYS[2], unpack(drop))
end
return 1`;

export function openRedisHistoryStore(url: string, options: HistoryStoreOptions): HistoryStore {
  const now = options.now ?? Date.now;
  const redis = new Redis(url, { maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(100 * times, 1_000) });
  redis.on('error', () => undefined); // commands fail on their own; the log would repeat each reconnect attempt
  const cutoff = () => String(now() - options.retentionMs);
  return {
    async put(owner, entry) {
      try {
        await redis.eval(PRUNE_AND_PUT, 2, timesKey(owner), entriesKey(owner), cutoff(), String(MAX_ENTRIES_PER_PERSON),
          entry.id, String(Date.parse(entry.at)), JSON.stringify(entry), String(options.retentionMs));
      } catch (err) {
        throw new ApiError(503, 'storage_unavailable', `could not save the history entry: ${(err as Error).message}`);
      }
    },
    async list(owner, { limit, before }) {
      await redis.eval(PRUNE_AND_PUT, 2, timesKey(owner), entriesKey(owner), cutoff(), String(MAX_ENTRIES_PER_PERSON));
      // One more than asked: whether there are older ones.
      const ids = await redis.zrevrangebyscore(timesKey(owner), before === undefined ? '+inf' : `(${before}`, '-inf', 'LIMIT', 0, limit + 1);
      if (ids.length === 0) return { entries: [], more: false };
      const raws = await redis.hmget(entriesKey(owner), ...ids);
      const entries = raws.flatMap((raw) => (raw ? [JSON.parse(raw) as HistoryEntry] : [])).sort(newestFirst);
      return { entries: entries.slice(0, limit), more: entries.length > limit };
    },
    async close() {
      redis.disconnect();
    },
  };
}
