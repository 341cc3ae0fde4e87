// The call store shared by several token-service processes through Redis, on the RedisBus's
// connection. Marking lines active or releasing them sets the users' busy keys and publishes their
// presence in the same Lua script (PRESENCE_LUA), so status changes keep their order.
import { BUSY_PREFIX, CONFERENCE_PREFIX, KEY_PREFIX as P, PRESENCE_LUA, type RedisBus } from '../realtime/redis-bus.js';
import { defineScripts, type RunScript } from '../realtime/lua-scripts.js';
import type { CallStore, LineClaim } from './call-store.js';

/** A conference membership no webhook cleared (lost event) is forgotten after this long. */
const CONFERENCE_TTL_MS = 12 * 60 * 60 * 1000;

const SCRIPTS = {
  claimLines: `
if redis.call('EXISTS', '${P}line:' .. ARGV[2]) == 1 then return 'callee_busy' end
if redis.call('SCARD', '${CONFERENCE_PREFIX}' .. ARGV[2]) > 0 then return 'callee_busy' end
if redis.call('EXISTS', '${P}line:' .. ARGV[1]) == 1 then return 'caller_busy' end
redis.call('SET', '${P}line:' .. ARGV[1], ARGV[3] .. ':ringing', 'PX', ARGV[4])
redis.call('SET', '${P}line:' .. ARGV[2], ARGV[3] .. ':ringing', 'PX', ARGV[4])
return 'ok'`,
  markLinesActive: `${PRESENCE_LUA}
local prefix = ARGV[1] .. ':'
for i = 3, #ARGV do
  local line = redis.call('GET', '${P}line:' .. ARGV[i])
  if line and string.sub(line, 1, #prefix) == prefix then
    redis.call('SET', '${P}line:' .. ARGV[i], ARGV[1] .. ':active', 'PX', ARGV[2])
    redis.call('SET', '${BUSY_PREFIX}' .. ARGV[i], ARGV[1], 'PX', ARGV[2])
    refresh(ARGV[i])
  end
end`,
  releaseLines: `${PRESENCE_LUA}
local prefix = ARGV[1] .. ':'
for i = 2, #ARGV do
  local line = redis.call('GET', '${P}line:' .. ARGV[i])
  if line and string.sub(line, 1, #prefix) == prefix then
    redis.call('DEL', '${P}line:' .. ARGV[i])
    redis.call('DEL', '${BUSY_PREFIX}' .. ARGV[i])
    refresh(ARGV[i])
  end
end`,
  setInConference: `${PRESENCE_LUA}
if ARGV[3] == '1' then
  redis.call('SADD', '${CONFERENCE_PREFIX}' .. ARGV[1], ARGV[2])
  redis.call('PEXPIRE', '${CONFERENCE_PREFIX}' .. ARGV[1], ARGV[4])
else
  redis.call('SREM', '${CONFERENCE_PREFIX}' .. ARGV[1], ARGV[2])
end
refresh(ARGV[1])`,
  swapRecord: {
    keys: 1,
    lua: `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`,
  },
} as const;

export class RedisCallStore implements CallStore {
  private readonly cmd: RedisBus['cmd'];
  private readonly run: RunScript<keyof typeof SCRIPTS>;

  constructor(bus: RedisBus) {
    this.cmd = bus.cmd;
    this.run = defineScripts(this.cmd, 'calls_', SCRIPTS);
  }

  async claimLines(callerId: string, calleeId: string, callId: string, ttlMs: number): Promise<LineClaim> {
    return (await this.run('claimLines', callerId, calleeId, callId, String(ttlMs))) as LineClaim;
  }

  async markLinesActive(userIds: string[], callId: string, ttlMs: number): Promise<void> {
    await this.run('markLinesActive', callId, String(ttlMs), ...userIds);
  }

  async releaseLines(userIds: string[], callId: string): Promise<void> {
    await this.run('releaseLines', callId, ...userIds);
  }

  async lineOf(userId: string): Promise<string | undefined> {
    const line = await this.cmd.get(`${P}line:${userId}`);
    return line ? line.slice(0, line.lastIndexOf(':')) : undefined;
  }

  async setInConference(userId: string, room: string, present: boolean): Promise<void> {
    await this.run('setInConference', userId, room, present ? '1' : '0', String(CONFERENCE_TTL_MS));
  }

  async deleteRecord(key: string): Promise<void> {
    await this.cmd.del(`${P}rec:${key}`);
  }

  async getRecord(key: string): Promise<string | undefined> {
    return (await this.cmd.get(`${P}rec:${key}`)) ?? undefined;
  }

  async putRecord(key: string, value: string, ttlMs: number): Promise<void> {
    await this.cmd.set(`${P}rec:${key}`, value, 'PX', ttlMs);
  }

  async swapRecord(key: string, expected: string, next: string, ttlMs: number): Promise<boolean> {
    return (await this.run('swapRecord', `${P}rec:${key}`, expected, next, String(ttlMs))) === 1;
  }

  close(): void {
    // The connection belongs to the bus, which closes it.
  }
}
