// The waiting room's records in Redis (REDIS_URL): a guest polling one process sees the decision a
// moderator made on another. A move is taken by a script, so two moderators deciding at once (or a
// moderator and the automatic admission, or a removal and a meeting's end) cannot both win.
import { Redis } from 'ioredis';
import { MEETING_KEPT_MS, newMeetingId, WAITING_ALIVE_MS, type Admission, type AdmissionStore } from './admissions.js';

const key = (identity: string) => `timio:admission:${identity}`;
const seenKey = (identity: string) => `timio:admission-seen:${identity}`;
const roomKey = (room: string) => `timio:waiting:${room}`;
const meetingKey = (room: string) => `timio:meeting:${room}`;

// ARGV: the new state, the states it may come from (JSON array), fields to set (JSON object).
const MOVE = `
local v = redis.call('GET', KEYS[1])
if not v then return false end
local o = cjson.decode(v)
local ok = false
for _, s in ipairs(cjson.decode(ARGV[2])) do if o.state == s then ok = true end end
if not ok then return false end
for k, x in pairs(cjson.decode(ARGV[3])) do o[k] = x end
o.state = ARGV[1]
redis.call('SET', KEYS[1], cjson.encode(o), 'KEEPTTL')
redis.call('ZREM', KEYS[2], o.identity)
return cjson.encode(o)`;

// A guest who left waits again, in their old place (their page asked once more).
const BACK = `
local v = redis.call('GET', KEYS[1])
if not v then return false end
local o = cjson.decode(v)
if o.state ~= 'left' then return false end
o.state = 'waiting'
redis.call('SET', KEYS[1], cjson.encode(o), 'KEEPTTL')
redis.call('ZADD', KEYS[2], ARGV[1], o.identity)
return cjson.encode(o)`;

// The room's meeting id: the one there, or ARGV[1] when there is none; kept ARGV[2] ms from now.
const MEETING = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return redis.call('GET', KEYS[1])`;

// Ends the meeting only if it is still the one meant (a new one may have begun meanwhile).
const END_MEETING = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

export function redisAdmissions(url: string): AdmissionStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(100 * times, 1_000) });
  redis.on('error', () => undefined); // commands fail on their own
  const get = async (identity: string): Promise<Admission | undefined> => {
    const raw = await redis.get(key(identity));
    return raw ? (JSON.parse(raw) as Admission) : undefined;
  };
  return {
    async put(a) {
      const until = Date.parse(a.expiresAt);
      const tx = redis.multi()
        .set(key(a.identity), JSON.stringify(a), 'PXAT', until)
        .set(seenKey(a.identity), '1', 'PX', WAITING_ALIVE_MS);
      if (a.state === 'waiting') tx.zadd(roomKey(a.room), Date.parse(a.since), a.identity).pexpireat(roomKey(a.room), until);
      await tx.exec();
    },
    get,
    async move(identity, from, to, patch = {}) {
      const current = await get(identity);
      if (!current) return undefined;
      const raw = await redis.eval(MOVE, 2, key(identity), roomKey(current.room), to, JSON.stringify(from), JSON.stringify(patch));
      return typeof raw === 'string' ? (JSON.parse(raw) as Admission) : undefined;
    },
    async back(identity) {
      const current = await get(identity);
      if (!current) return undefined;
      const raw = await redis.eval(BACK, 2, key(identity), roomKey(current.room), String(Date.parse(current.since)));
      if (typeof raw !== 'string') return undefined;
      await redis.set(seenKey(identity), '1', 'PX', WAITING_ALIVE_MS);
      return JSON.parse(raw) as Admission;
    },
    async seen(identity) {
      await redis.set(seenKey(identity), '1', 'PX', WAITING_ALIVE_MS);
    },
    async waitingIn(room) {
      const ids = await redis.zrange(roomKey(room), 0, -1);
      if (ids.length === 0) return [];
      const [records, seen] = await Promise.all([redis.mget(ids.map(key)), redis.mget(ids.map(seenKey))]);
      const found: Admission[] = [];
      records.forEach((raw, i) => {
        if (!raw) {
          void redis.zrem(roomKey(room), ids[i]!); // expired with its invite
          return;
        }
        const a = JSON.parse(raw) as Admission;
        if (a.state === 'waiting' && seen[i]) found.push(a);
      });
      return found;
    },
    async meeting(room) {
      return String(await redis.eval(MEETING, 1, meetingKey(room), newMeetingId(), String(MEETING_KEPT_MS)));
    },
    async currentMeeting(room) {
      return (await redis.get(meetingKey(room))) ?? undefined;
    },
    async endMeeting(room, id) {
      if (id === undefined) await redis.del(meetingKey(room));
      else await redis.eval(END_MEETING, 1, meetingKey(room), id);
    },
    async close() {
      redis.disconnect();
    },
  };
}
