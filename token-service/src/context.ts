// What the parts of the token service share, built once by createTokenService (app.ts). Its own
// module so routes and features can name it without importing the app that mounts them.
import type { EventEmitter } from 'node:events';
import type { TokenServiceConfig } from './config.js';
import type { Authenticate } from './auth/authenticate.js';
import type { PortalTokenVerifier } from './auth/portal-token.js';
import type { CallService } from './calls/call-service.js';
import type { RoomRinger } from './calls/room-ring.js';
import type { ColleagueRinger } from './calls/colleague-ring.js';
import type { CallMeetings } from './calls/call-meetings.js';
import type { CallConversion } from './calls/call-conversion.js';
import type { Places } from './http/access.js';
import type { PresenceStatus } from '#protocol/realtime.js';
import type { Directory } from './directory/directory.js';
import type { GuestSessions } from './invites/guest-session.js';
import type { InviteStore } from './invites/invite-store.js';
import type { InviteSigner } from './invites/invite-token.js';
import type { RoomService } from './livekit/room-service.js';
import type { RoomStatus } from './livekit/room-status.js';
import type { RoomTokenRequest } from './livekit/tokens.js';
import type { UserLimits } from './limits/user-limits.js';
import type { Metrics } from './http/metrics.js';
import type { Logger } from './http/logger.js';
import type { RoomWatch } from './rooms/room-watch.js';
import type { RoomChat } from './rooms/chat.js';
import type { WaitingRoom } from './guests/waiting-room.js';
import type { HistoryStore } from './history/history-store.js';

/** What every part gets: configuration, directory, authentication, LiveKit, webhook events. */
export interface TokenServiceContext {
  config: TokenServiceConfig;
  directory: Directory;
  /** Verifies a portal user token (e.g. the realtime auth frame); throws ApiError 401. */
  portalTokens: PortalTokenVerifier;
  authenticate: Authenticate;
  mintRoomToken(p: RoomTokenRequest): Promise<string>;
  roomService: RoomService;
  /** 'webhook' (event: WebhookEvent): each verified LiveKit webhook, once per event id. */
  events: EventEmitter;
  /** Per-user limits on rings, calls and invites (shared through Redis when REDIS_URL is set). */
  limits: UserLimits;
  /** What GET /metrics reports. */
  metrics: Metrics;
  /** The JSON logger (pino); `log` is its shortcut for things an operator should look at. */
  logger: Logger;
  log(line: string): void;
  /** The calendar's now (createTokenService's `now` option): invite lifetimes and opening times. */
  now(): number;
}

/** What the REST routes share beyond that: room status, invites, guests, calls and room rings. */
export interface RouteContext extends TokenServiceContext {
  roomStatus: RoomStatus;
  invites: InviteSigner;
  inviteStore: InviteStore;
  guestSessions: GuestSessions;
  calls: CallService;
  rings: RoomRinger;
  /** "Kollegen hinzurufen": colleagues rung into a running meeting, and their grants. */
  colleagueRings: ColleagueRinger;
  /** Calls turned into meetings ("Person hinzufügen") and the conversion itself. */
  meetings: CallMeetings;
  conversion: CallConversion;
  /**
   * What a room id is, for every room route's access rule: a directory room or a call turned
   * meeting (members, its one moderator). Invites, guests and "call all members" stay the directory's.
   */
  places: Places;
  /** A moderator ended a call turned meeting (POST /v1/rooms/:room/end): record, grants and presence end now. */
  meetingEnded(room: string): Promise<void>;
  /** Each user's presence now (the realtime bus's, across processes). */
  presence(userIds: string[]): Promise<Array<{ id: string; status: PresenceStatus }>>;
  /** Pushes a room's status to the pages watching it; call `changed(room)` after changing the room. */
  roomWatch: RoomWatch;
  chat: RoomChat;
  /** Guests waiting to be let in, and the moderators' decisions. */
  waitingRoom: WaitingRoom;
  /** Each person's call history (GET /v1/history). */
  history: HistoryStore;
}
