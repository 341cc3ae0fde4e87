// A 1:1 call, a room invitation and presence as the token service reports them. The one
// definition is the realtime protocol (sdk/src/realtime/protocol.ts); the call code names them here.
export type { CallInfo, CallOutcome, CallState, PresenceStatus, RoomRing, UserRef } from '../realtime/protocol.js';
