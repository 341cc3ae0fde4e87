// The token service's room routes for element tests (docs/contracts.md "Rooms", ROOM seam): the
// LiveKit token with `canModerate`, status, hand, end, the moderator actions and the meeting's
// chat, answered on a FakeTokenService from a small in-memory room, with the real service's
// checks (members only, moderator actions only for directory moderators, 1..2000 characters).
import type { RoomChatMessage, RoomStatusAnswer, RoomTokenGrant } from '#protocol/rest.js';
import type { FakeTokenService } from './fake-token-service.js';

export interface FakeRoomOptions {
  id: string;
  name: string;
  /** Who is signed in on this page. */
  self: { identity: string; name: string; guest?: boolean };
  /** Directory moderators of the room. */
  moderators?: string[];
  /** Earlier chat messages of the running meeting. */
  chat?: RoomChatMessage[];
  /** Who LiveKit lists in the meeting before this page joins (the earliest `joinedAt` is its start). */
  present?: RoomStatusAnswer['participants'];
}

export interface FakeRoomState {
  chat: RoomChatMessage[];
  hands: Array<{ identity?: string; raised: boolean }>;
  muted: Array<{ identity: string; source: string }>;
  mutedAll: number;
  removed: string[];
  ended: boolean;
  tokens: Array<{ moderator: boolean; role: string }>;
  /** `POST /v1/rooms/:room/moderator` calls: "Ich bin Moderator" confirmed inside the meeting. */
  confirmedModerator: number;
}

const error = (status: number, code: string, message: string) => ({ status, json: { error: { code, message } } });

export function fakeRoomRoutes(service: FakeTokenService, room: FakeRoomOptions): FakeRoomState {
  const state: FakeRoomState = { chat: [...(room.chat ?? [])], hands: [], muted: [], mutedAll: 0, removed: [], ended: false, tokens: [], confirmedModerator: 0 };
  const canModerate = (room.moderators ?? []).includes(room.self.identity);
  const base = `/v1/rooms/${room.id}`;
  const moderatorOnly = <T>(run: () => T) => (canModerate ? run() : error(403, 'forbidden', 'only a moderator of the room may do this'));
  let seq = state.chat.length;
  service
    .on('POST /v1/token', (body: { room?: string; moderator?: boolean }) => {
      if (body.room !== room.id) return error(403, 'not_a_member', 'not a member of this room');
      const role = canModerate && body.moderator === true ? 'moderator' : room.self.guest ? 'guest' : 'member';
      state.tokens.push({ moderator: body.moderator === true, role });
      const grant: RoomTokenGrant = { token: `lk-${role}`, url: 'ws://media.test', identity: room.self.identity, room: room.id, role, canModerate };
      return { status: 200, json: grant };
    })
    .on(`GET ${base}`, () => {
      // As the service answers: an ended meeting lists nobody until someone joins again.
      const participants = state.ended ? [] : (room.present ?? []);
      const status: RoomStatusAnswer = { room: { id: room.id, name: room.name }, running: participants.length > 0, ended: state.ended, participants };
      return { status: 200, json: status };
    })
    .on(`POST ${base}/hand`, (body: { raised: boolean; identity?: string }) => {
      if (body.identity && body.identity !== room.self.identity && !canModerate) return error(403, 'forbidden', 'only a moderator may lower another hand');
      state.hands.push(body);
      return { status: 200, json: { raised: body.raised } };
    })
    .on(`POST ${base}/moderator`, () => moderatorOnly(() => ((state.confirmedModerator++), { status: 200, json: { room: room.id, identity: room.self.identity, moderator: true } })))
    .on(`POST ${base}/end`, () => moderatorOnly(() => ((state.ended = true), { status: 200, json: { ended: true } })))
    .on(`POST ${base}/mute-all`, () => moderatorOnly(() => ((state.mutedAll++), { status: 200, json: { muted: 2 } })))
    .on(`GET ${base}/chat`, () => ({ status: 200, json: { messages: state.chat } }))
    .on(`POST ${base}/chat`, (body: { text?: unknown }) => {
      const text = typeof body?.text === 'string' ? body.text.trim() : '';
      if (!text || [...text].length > 2000) return error(400, 'invalid_input', 'text must have 1 to 2000 characters');
      const message: RoomChatMessage = { id: `c${++seq}`, from: { identity: room.self.identity, name: room.self.name, guest: !!room.self.guest }, at: new Date().toISOString(), text };
      state.chat.push(message);
      return { status: 200, json: { message } };
    })
    .onMatch('POST', new RegExp(`^${base}/participants/[^/]+/mute$`), (body: { source: string }, path) =>
      moderatorOnly(() => (state.muted.push({ identity: decodeURIComponent(path.split('/')[5]!), source: body.source }), { status: 200, json: { muted: true } })))
    .onMatch('DELETE', new RegExp(`^${base}/participants/[^/]+$`), (_body, path) =>
      moderatorOnly(() => (state.removed.push(decodeURIComponent(path.split('/')[5]!)), { status: 200, json: { removed: true } })));
  return state;
}
