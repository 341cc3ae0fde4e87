// The token service's routes of one room as the conference uses them (docs/contracts.md "Rooms"):
// LiveKit token, status, hand, end, moderator actions, chat. Moderator rights are checked (and
// logged) by the service; the view only hides what a person may not do.
import type { RoomChatMessage, RoomStatusAnswer, RoomTokenGrant } from '#protocol/rest.js';
import type { ChatTransport } from '../../session/chat.js';
import { inviteApi, type InviteApi } from './invite/invite-api.js';

/** What the conference needs from the token service's REST client (TokenServiceClient has it). */
export interface RestPort {
  request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** Text answers (the invite's calendar file); without it, no invite dialog. */
  text?(path: string): Promise<string>;
}

export interface ConferenceApi {
  /** A LiveKit token; `moderator` when the person confirmed they moderate the room. */
  token(moderator: boolean): Promise<RoomTokenGrant>;
  /** "Ich bin Moderator" confirmed in the running meeting: the service marks this participant; true when it did. */
  confirmModerator?(): Promise<boolean>;
  /** The room's name, who is in the meeting since when, and `ended` (GET /v1/rooms/:room). */
  status(): Promise<RoomStatusAnswer>;
  /** This person's hand, or (moderators) lowers another's (`identity`). */
  setHand(raised: boolean, identity?: string): Promise<void>;
  end(): Promise<void>;
  /** Leaving for good ("Konferenz verlassen"): the room status drops this person at once, not after the page-change grace. */
  left?(): Promise<void>;
  mute(identity: string, source: 'microphone' | 'camera'): Promise<void>;
  muteAll(): Promise<number>;
  remove(identity: string): Promise<void>;
  readonly chat: ChatTransport;
  /** The room's invites ("Person einladen"), when the REST client can fetch calendar files. */
  readonly invites?: InviteApi;
  /**
   * The REST client for parts loaded on demand ("Kollegen hinzurufen", call-in/call-in-api.ts,
   * which builds its routes in its own chunk). Employees only: the guest page leaves it out.
   */
  readonly request?: RestPort['request'];
  /** Let a waiting guest in, or turn them away (moderators). */
  decideGuest?(identity: string, admit: boolean): Promise<void>;
  /** The guests waiting now (moderators). */
  waitingGuests?(): Promise<Array<{ identity: string; name: string; since: string; resembles?: true }>>;
}

export function conferenceApi(rest: RestPort, room: string): ConferenceApi {
  const base = `/v1/rooms/${encodeURIComponent(room)}`;
  const person = (identity: string) => `${base}/participants/${encodeURIComponent(identity)}`;
  const text = rest.text?.bind(rest);
  return {
    ...(text ? { invites: inviteApi({ request: (m, p, b) => rest.request(m, p, b), text }, room) } : {}),
    request: (m, p, b) => rest.request(m, p, b),
    decideGuest: async (identity, admit) => void (await rest.request('POST', `${base}/waiting/${encodeURIComponent(identity)}/${admit ? 'admit' : 'deny'}`, {})),
    waitingGuests: async () => (await rest.request<{ guests: Array<{ identity: string; name: string; since: string; resembles?: true }> }>('GET', `${base}/waiting`)).guests,
    token: (moderator) => rest.request<RoomTokenGrant>('POST', '/v1/token', { room, moderator }),
    confirmModerator: async () => (await rest.request<{ moderator: boolean }>('POST', `${base}/moderator`, {})).moderator,
    status: () => rest.request<RoomStatusAnswer>('GET', base),
    setHand: async (raised, identity) => void (await rest.request('POST', `${base}/hand`, identity ? { raised, identity } : { raised })),
    end: async () => void (await rest.request('POST', `${base}/end`, {})),
    left: async () => void (await rest.request('POST', `${base}/leave`, {})),
    mute: async (identity, source) => void (await rest.request('POST', `${person(identity)}/mute`, { source })),
    muteAll: async () => (await rest.request<{ muted: number }>('POST', `${base}/mute-all`, {})).muted,
    remove: async (identity) => void (await rest.request('DELETE', person(identity))),
    chat: {
      send: async (text) => (await rest.request<{ message: RoomChatMessage }>('POST', `${base}/chat`, { text })).message,
      history: async () => (await rest.request<{ messages: RoomChatMessage[] }>('GET', `${base}/chat`)).messages,
    },
  };
}

/**
 * When LiveKit saw each person join (ms), as the room status lists them: for someone changing pages
 * this is their first join, earlier than the one their new page gets.
 */
export function joinTimes(status: RoomStatusAnswer): Map<string, number> {
  return new Map(status.participants.map((p) => [p.identity, Date.parse(p.joinedAt ?? '')] as const).filter(([, t]) => t >= 0));
}
