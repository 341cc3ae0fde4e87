// A 1:1 call as the token service reports it (docs/contracts.md, token-service/src/realtime/protocol.ts).

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

/** An invitation to join a room's meeting ("Einladung zur Videobesprechung"). */
export interface RoomRing {
  id: string;
  room: string;
  roomName: string;
  caller: UserRef;
  at: string;
}

export type PresenceStatus = 'online' | 'offline' | 'busy';
