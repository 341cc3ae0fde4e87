// The realtime protocol of `/v1/realtime` (docs/contracts.md "Realtime protocol"): JSON text frames.
// Types only. They live in the SDK because its published .d.ts files must be self-contained; the
// token service imports them from here (token-service/src/realtime/protocol.ts adds the parser).

export type PresenceStatus = 'online' | 'offline' | 'busy';

export interface UserRef { id: string; name: string }

export type CallState = 'ringing' | 'active' | 'ended';
export type CallOutcome = 'completed' | 'declined' | 'busy' | 'no_answer' | 'cancelled' | 'failed';

export interface CallInfo {
  id: string;
  room: string;
  caller: UserRef;
  callee: UserRef;
  state: CallState;
  outcome?: CallOutcome;
  /** This page stops ringing because another page of the callee answered. */
  answeredElsewhere?: boolean;
  createdAt: string;
  answeredAt?: string;
  endedAt?: string;
  durationSeconds?: number;
}

export interface RoomRing {
  id: string;
  room: string;
  roomName: string;
  caller: UserRef;
  at: string;
}

// Client → server
export interface AuthMessage { type: 'auth'; token: string }
export interface WatchMessage { type: 'watch'; add?: string[]; remove?: string[] }
export interface PingMessage { type: 'ping' }
export type ClientMessage = AuthMessage | WatchMessage | PingMessage;

// Server → client
/** `page` names this connection; pass it to `POST /v1/calls/:id/accept {page}` so the other pages learn they were answered elsewhere. */
export interface ReadyMessage { type: 'ready'; user: UserRef; page: string }
export interface PresenceMessage { type: 'presence'; users: Array<{ id: string; status: PresenceStatus }> }
export interface CallMessage { type: 'call'; call: CallInfo }
export interface RoomRingMessage { type: 'room-ring'; ring: RoomRing }
export interface RoomRingEndedMessage { type: 'room-ring-ended'; id: string }
export interface PongMessage { type: 'pong' }
export interface ErrorMessage { type: 'error'; error: { code: string; message: string } }
export type ServerMessage =
  | ReadyMessage | PresenceMessage | CallMessage | RoomRingMessage | RoomRingEndedMessage | PongMessage | ErrorMessage;
