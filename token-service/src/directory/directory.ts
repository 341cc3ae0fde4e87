// The directory: users with display names, and rooms with members and moderators. It comes from a
// JSON file (standalone) or from the host's own lookups (embedded: pass any object with getUser and
// getRoom as the `directory` option, and searchUsers if colleagues are to be found by name).
import { readFileSync } from 'node:fs';
import { isDirectoryId, isRoomId } from '../http/validation.js';
import { cleanName, MAX_NAME_LENGTH } from './names.js';

export interface DirectoryUser { id: string; name: string }
export interface DirectoryRoom { id: string; name: string; members: string[]; moderators: string[] }
export interface Directory {
  getUser(id: string): Promise<DirectoryUser | undefined>;
  getRoom(id: string): Promise<DirectoryRoom | undefined>;
  /**
   * Optional: up to `limit` users whose name or id matches `query` (already trimmed, 1-64
   * characters), best first. Without it, "Kollegen hinzurufen" is unavailable (the search route
   * answers 501 not_configured); ringing known ids still works.
   */
  searchUsers?(query: string, limit: number): Promise<DirectoryUser[]>;
}

export function isMember(room: DirectoryRoom, userId: string): boolean {
  return room.members.includes(userId) || room.moderators.includes(userId);
}

export function isModerator(room: DirectoryRoom, userId: string): boolean {
  return room.moderators.includes(userId);
}

export class DirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryError';
  }
}

interface DirectoryData { users: DirectoryUser[]; rooms: DirectoryRoom[] }

/** Checks the file's shape so a typo fails at boot instead of as a puzzling 403 later. */
export function parseDirectory(data: unknown, source: string): DirectoryData {
  const fail = (what: string): never => {
    throw new DirectoryError(`${source}: ${what}`);
  };
  if (typeof data !== 'object' || data === null) fail('must be a JSON object {"users":[…],"rooms":[…]}');
  const { users, rooms } = data as { users?: unknown; rooms?: unknown };
  if (!Array.isArray(users)) fail('"users" must be an array');
  if (!Array.isArray(rooms)) fail('"rooms" must be an array');
  const ids = new Set<string>();
  const cleanUsers = (users as unknown[]).map((u, i) => {
    const { id, name } = (u ?? {}) as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || !isDirectoryId(id)) fail(`users[${i}].id must be 1-128 letters, digits, ".", "_", "@" or "-" (no ":")`);
    if (typeof name !== 'string' || !name.trim()) fail(`users[${i}].name must be a non-empty string`);
    if (ids.has(id as string)) fail(`user id "${id}" appears twice`);
    ids.add(id as string);
    return { id: id as string, name: (name as string).trim() };
  });
  const roomIds = new Set<string>();
  const cleanRooms = (rooms as unknown[]).map((r, i) => {
    const { id, name, members, moderators } = (r ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !isRoomId(id)) fail(`rooms[${i}].id must be 1-64 letters, digits, ".", "_" or "-"`);
    if (roomIds.has(id as string)) fail(`room id "${id}" appears twice`);
    roomIds.add(id as string);
    if (typeof name !== 'string' || !name.trim()) fail(`rooms[${i}].name must be a non-empty string`);
    const list = (field: string, v: unknown): string[] => {
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.some((m) => typeof m !== 'string')) fail(`rooms[${i}].${field} must be an array of user ids`);
      for (const m of v as string[]) if (!ids.has(m)) fail(`rooms[${i}].${field} names unknown user "${m}"`);
      return v as string[];
    };
    return { id: id as string, name: (name as string).trim(), members: list('members', members), moderators: list('moderators', moderators) };
  });
  return { users: cleanUsers, rooms: cleanRooms };
}

export function createStaticDirectory(data: DirectoryData): Directory {
  const users = new Map(data.users.map((u) => [u.id, u]));
  const rooms = new Map(data.rooms.map((r) => [r.id, r]));
  return {
    getUser: async (id) => users.get(id),
    getRoom: async (id) => rooms.get(id),
    searchUsers: async (query, limit) => searchList(data.users, query, limit),
  };
}

/** Lower case without accents: "Müller" is found by "muller" and "MÜL". */
export const searchForm = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The users whose name or id contains every word of `query`: names that begin with it first, then
 * names with a word beginning with it, then the rest, each by name.
 */
export function searchList(users: readonly DirectoryUser[], query: string, limit: number): DirectoryUser[] {
  const words = searchForm(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const whole = words.join(' ');
  const rank = (u: DirectoryUser) => {
    const name = searchForm(u.name);
    return name.startsWith(whole) ? 0 : name.split(/\s+/).some((w) => w.startsWith(words[0]!)) ? 1 : 2;
  };
  return users
    .filter((u) => {
      const hay = `${searchForm(u.name)} ${searchForm(u.id)}`;
      return words.every((w) => hay.includes(w));
    })
    .map((u) => ({ u, r: rank(u) }))
    .sort((a, b) => a.r - b.r || a.u.name.localeCompare(b.u.name))
    .slice(0, limit)
    .map(({ u }) => u);
}

/**
 * Every name the service takes from a directory, made fit to show (directory/names.ts); a user
 * whose name has nothing printable left is shown by id, a room by its id.
 */
export function withCleanNames(directory: Directory): Directory {
  // cleanName is pure and runs on every request (Unicode classes, NFC): each raw name is cleaned
  // once. Bounded: a directory larger than this just cleans again after the reset.
  const cleaned = new Map<string, string>();
  const clean = (raw: string, max: number) => {
    const key = `${max}:${raw}`;
    let name = cleaned.get(key);
    if (name === undefined) {
      if (cleaned.size >= 20_000) cleaned.clear();
      name = cleanName(raw, max);
      cleaned.set(key, name);
    }
    return name;
  };
  return {
    async getUser(id) {
      const u = await directory.getUser(id);
      return u && { id: u.id, name: clean(String(u.name ?? ''), MAX_NAME_LENGTH) || u.id };
    },
    async getRoom(id) {
      const r = await directory.getRoom(id);
      return r && { ...r, name: clean(String(r.name ?? ''), 200) || r.id };
    },
    ...(directory.searchUsers ? {
      async searchUsers(query: string, limit: number) {
        const found = await directory.searchUsers!(query, limit);
        // A host's answer is checked like its look-ups: only well-formed ids, never more than asked.
        return found.filter((u) => typeof u?.id === 'string' && isDirectoryId(u.id)).slice(0, limit)
          .map((u) => ({ id: u.id, name: clean(String(u.name ?? ''), MAX_NAME_LENGTH) || u.id }));
      },
    } : {}),
  };
}

/** Reads DIRECTORY_FILE once at boot. */
export function loadDirectoryFile(path: string): Directory {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DirectoryError(`cannot read DIRECTORY_FILE ${path}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new DirectoryError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  return createStaticDirectory(parseDirectory(data, path));
}
