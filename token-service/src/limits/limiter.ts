// Counters behind the per-user limits: in this process's memory, or in Redis (REDIS_URL) so the
// limits hold across every token-service process.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export interface Limiter {
  /** Counts one event under `key` unless `limit` happened within `windowMs`; resolves 0, or the ms to wait. */
  take(key: string, limit: number, windowMs: number): Promise<number>;
  /** Blocks `key` for `ms`. */
  block(key: string, ms: number): Promise<void>;
  /** Ms until `key` is free again (0: not blocked). */
  blockedFor(key: string): Promise<number>;
  close(): Promise<void>;
}

/** A sliding log per key: exact "at most n in any window", and the wait until the oldest leaves it. */
export class MemoryLimiter implements Limiter {
  private readonly logs = new Map<string, number[]>();
  private readonly blocks = new Map<string, number>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000);

  constructor() {
    this.sweeper.unref();
  }

  async take(key: string, limit: number, windowMs: number): Promise<number> {
    const now = Date.now();
    const log = (this.logs.get(key) ?? []).filter((t) => t > now - windowMs);
    if (log.length >= limit) {
      this.logs.set(key, log);
      return Math.max(1, log[0]! + windowMs - now);
    }
    log.push(now);
    this.logs.set(key, log);
    return 0;
  }

  async block(key: string, ms: number): Promise<void> {
    this.blocks.set(key, Date.now() + ms);
  }

  async blockedFor(key: string): Promise<number> {
    const until = this.blocks.get(key);
    return until === undefined ? 0 : Math.max(0, until - Date.now());
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, until] of this.blocks) if (until <= now) this.blocks.delete(key);
    // The longest window is an hour: older entries never count again.
    for (const [key, log] of this.logs) if ((log[log.length - 1] ?? 0) < now - 3_600_000) this.logs.delete(key);
  }
}

const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 0`;

export class RedisLimiter implements Limiter {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(100 * times, 1_000) });
    this.redis.on('error', () => undefined); // commands fail on their own and are answered as errors
  }

  async take(key: string, limit: number, windowMs: number): Promise<number> {
    const member = `${Date.now()}-${randomBytes(4).toString('hex')}`;
    return Number(await this.redis.eval(TAKE, 1, `timio:limit:${key}`, String(Date.now()), String(windowMs), String(limit), member));
  }

  async block(key: string, ms: number): Promise<void> {
    await this.redis.set(`timio:block:${key}`, '1', 'PX', ms);
  }

  async blockedFor(key: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(`timio:block:${key}`));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
