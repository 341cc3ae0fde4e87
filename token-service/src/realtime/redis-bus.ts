// The bus shared by several token-service processes through Redis (REDIS_URL). Every change of
// presence is computed and published inside one Lua script, so the order of published statuses is
// the order of the changes; processes that miss messages (Redis restart) re-read and resync.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { PresenceStatus } from '#protocol/realtime.js';
import type { Delivery, PresenceChange, RealtimeBus } from './bus.js';
import { logFailure, type Logger } from '../http/logger.js';
import { defineScripts, type RunScript } from './lua-scripts.js';
import { defaultRealtimeSettings } from './settings.js';

/** Prefix of every Redis key of the service. */
export const KEY_PREFIX = 'timio:';
const P = KEY_PREFIX;
const PRESENCE = `${P}presence`;
const DELIVER = `${P}deliver`;
const NODES = `${P}nodes`;
/** `BUSY_PREFIX + userId` exists while the user is in an active call (see PRESENCE_LUA). */
export const BUSY_PREFIX = `${P}busy:`;
/** `CONFERENCE_PREFIX + userId`: the set of room conferences the user is in; non-empty = busy. */
export const CONFERENCE_PREFIX = `${P}conf:`;

/**
 * Lua functions `status(u)` and `refresh(u)` (publishes u's status when it changed). A user is
 * busy while the key `BUSY_PREFIX .. u` exists or the set `CONFERENCE_PREFIX .. u` is not empty: the call store's scripts set and delete it together with
 * the call line and then call `refresh`, so the change and its announcement stay one step.
 */
export const PRESENCE_LUA = `
local function status(u)
  if redis.call('SCARD', '${P}pages:' .. u) == 0 then return 'offline' end
  if redis.call('EXISTS', '${BUSY_PREFIX}' .. u) == 1 then return 'busy' end
  if redis.call('SCARD', '${CONFERENCE_PREFIX}' .. u) > 0 then return 'busy' end
  return 'online'
end
local function refresh(u)
  local s = status(u)
  local prev = redis.call('GET', '${P}status:' .. u) or 'offline'
  if prev ~= s then
    if s == 'offline' then redis.call('DEL', '${P}status:' .. u) else redis.call('SET', '${P}status:' .. u, s) end
    redis.call('PUBLISH', '${PRESENCE}', cjson.encode({id = u, status = s}))
  end
end
`;

const SCRIPTS = {
  addPage: `${PRESENCE_LUA}
redis.call('SADD', '${P}pages:' .. ARGV[2], ARGV[1])
redis.call('SADD', '${P}nodeusers:' .. ARGV[1], ARGV[2])
refresh(ARGV[2])`,
  removePage: `${PRESENCE_LUA}
redis.call('SREM', '${P}pages:' .. ARGV[2], ARGV[1])
redis.call('SREM', '${P}nodeusers:' .. ARGV[1], ARGV[2])
refresh(ARGV[2])
return status(ARGV[2])`,
  dropNode: `${PRESENCE_LUA}
local users = redis.call('SMEMBERS', '${P}nodeusers:' .. ARGV[1])
for _, u in ipairs(users) do
  redis.call('SREM', '${P}pages:' .. u, ARGV[1])
  refresh(u)
end
redis.call('DEL', '${P}nodeusers:' .. ARGV[1])
redis.call('HDEL', '${NODES}', ARGV[1])
return #users`,
  // One heartbeat, on Redis's clock so the machines' clocks never decide who is dead: marks ARGV[1]
  // alive at now + ARGV[3] ms and returns {1 if it had to be added, the processes silent for more
  // than ARGV[2] ms} (none when ARGV[2] is empty).
  beat: `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local added = redis.call('HSET', '${NODES}', ARGV[1], string.format('%.0f', now + tonumber(ARGV[3])))
local dead = {}
if ARGV[2] ~= '' then
  local all = redis.call('HGETALL', '${NODES}')
  for i = 1, #all, 2 do
    if all[i] ~= ARGV[1] and now - tonumber(all[i + 1]) > tonumber(ARGV[2]) then dead[#dead + 1] = all[i] end
  end
end
return {added, dead}`,
  statuses: `${PRESENCE_LUA}
local out = {}
for i, u in ipairs(ARGV) do out[i] = status(u) end
return out`,
} as const;

/**
 * Heartbeats per process timeout. Each beat also checks the others' beats, so a crash is noticed
 * within the timeout (dead after 8 beats of silence, checked every beat); Redis runs one short
 * script per process per beat (one a second with the default 10 s).
 */
const BEATS_PER_TIMEOUT = 10;

export class RedisBus implements RealtimeBus {
  readonly nodeId = randomUUID();
  /** The command connection; the call store runs its scripts on it too. */
  readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly presenceListeners: Array<(c: PresenceChange) => void> = [];
  private readonly deliveryListeners: Array<(d: Delivery) => void> = [];
  private readonly reconnectListeners: Array<() => void> = [];
  private readonly beat: NodeJS.Timeout;
  private closing = false;
  private beaten = false;

  /** Silence after which another process is taken as dead (see BEATS_PER_TIMEOUT). */
  private readonly deadAfterMs: number;
  private readonly graceMs: number;
  private readonly logger: Logger;
  private readonly run: RunScript<keyof typeof SCRIPTS>;

  /**
   * `processTimeoutMs` (REDIS_PROCESS_TIMEOUT_SECONDS): the users of a process that died are offline
   * on the others within this time. `graceMs`: how long the pages of a process that shuts down keep
   * their users online (they reconnect to another process meanwhile). `logger`: where connection
   * troubles go.
   */
  constructor(url: string, options: { processTimeoutMs?: number; graceMs?: number; logger: Logger }) {
    const processTimeoutMs = options.processTimeoutMs ?? defaultRealtimeSettings.processTimeoutMs;
    const beatMs = Math.max(100, processTimeoutMs / BEATS_PER_TIMEOUT);
    // A process that crashes just after a beat falls silent; the others see it past `deadAfterMs`
    // at their first check after that, at most one beat later: offline within the timeout. A
    // pause shorter than `deadAfterMs` minus one beat (70 % of the timeout) is not taken as death.
    this.deadAfterMs = processTimeoutMs - 2 * beatMs;
    this.graceMs = options.graceMs ?? 5_000;
    this.logger = options.logger;
    const connection = {
      // Fail commands quickly while Redis is away instead of hanging requests; reconnect forever.
      maxRetriesPerRequest: 2,
      retryStrategy: (times: number) => Math.min(100 * times, 1_000),
      lazyConnect: false,
    };
    this.cmd = new Redis(url, connection);
    this.sub = new Redis(url, connection);
    this.run = defineScripts(this.cmd, 'presence_', SCRIPTS);
    for (const [name, conn] of [['commands', this.cmd], ['subscriber', this.sub]] as const) {
      let first = true;
      conn.on('ready', () => {
        if (first) { first = false; return; }
        for (const l of this.reconnectListeners) l();
      });
      conn.on('error', (err) => { if (!this.closing) logFailure(this.logger, 'redis connection', { connection: name })(err); });
    }
    this.sub.subscribe(PRESENCE, DELIVER).catch(logFailure(this.logger, 'redis subscribe failed'));
    this.sub.on('message', (channel: string, text: string) => this.onMessage(channel, text));
    this.beat = setInterval(() => this.heartbeat().catch(() => undefined), beatMs);
    this.beat.unref();
    this.heartbeat().catch(() => undefined);
  }

  /** Resolves once both connections are up and subscribed. */
  async ready(): Promise<void> {
    await Promise.all([this.cmd, this.sub].map((c) => c.status === 'ready' ? undefined : new Promise((r) => c.once('ready', r))));
    await this.sub.subscribe(PRESENCE, DELIVER);
  }

  async addPage(userId: string): Promise<void> {
    await this.run('addPage', this.nodeId, userId);
  }

  async removePage(userId: string): Promise<PresenceStatus> {
    return (await this.run('removePage', this.nodeId, userId)) as PresenceStatus;
  }

  async statuses(userIds: string[]): Promise<PresenceChange[]> {
    if (userIds.length === 0) return [];
    const out = (await this.run('statuses', ...userIds)) as PresenceStatus[];
    return userIds.map((id, i) => ({ id, status: out[i]! }));
  }

  async publish(delivery: Delivery): Promise<void> {
    await this.cmd.publish(DELIVER, JSON.stringify(delivery));
  }

  onPresence(listener: (change: PresenceChange) => void): void {
    this.presenceListeners.push(listener);
  }

  onDelivery(listener: (delivery: Delivery) => void): void {
    this.deliveryListeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  async reconcile(userIds: string[]): Promise<void> {
    const local = new Set(userIds);
    const recorded = await this.cmd.smembers(`${P}nodeusers:${this.nodeId}`);
    for (const u of recorded) if (!local.has(u)) await this.removePage(u);
    for (const u of local) await this.addPage(u);
    await this.heartbeat();
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.beat);
    // Not dropped at once: the pages of this process reconnect to the others within the grace
    // period, and the others drop what is left once this process's last beat is that old.
    await this.run('beat', this.nodeId, '', String(this.graceMs - this.deadAfterMs)).catch(() => undefined);
    this.cmd.disconnect();
    this.sub.disconnect();
  }

  /** Keeps this process marked alive and drops the pages of processes that stopped beating. */
  private async heartbeat(): Promise<void> {
    const [added, dead] = (await this.run('beat', this.nodeId, String(this.deadAfterMs), '0')) as [number, string[]];
    if (added === 1 && this.beaten) {
      // Others took this process for dead (it stalled) and dropped its pages: tell them again.
      for (const l of this.reconnectListeners) l();
    }
    this.beaten = true;
    for (const node of dead) await this.run('dropNode', node);
  }

  private onMessage(channel: string, text: string): void {
    try {
      if (channel === PRESENCE) {
        const change = JSON.parse(text) as PresenceChange;
        for (const l of this.presenceListeners) l(change);
      } else if (channel === DELIVER) {
        const delivery = JSON.parse(text) as Delivery;
        for (const l of this.deliveryListeners) l(delivery);
      }
    } catch (err) {
      logFailure(this.logger, 'bad bus message', { channel })(err);
    }
  }
}
