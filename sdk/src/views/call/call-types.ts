// The slice of the token service's CallInfo (docs/contracts.md) that the call window reads.
// Declared here structurally so the conference chunk depends on no light-part module for types.
export interface CallPeer { id: string; name: string }

export interface CallWindowCall {
  id: string;
  room: string;
  caller: CallPeer;
  callee: CallPeer;
  state: 'ringing' | 'active' | 'ended';
  outcome?: string;
  createdAt?: string;
  answeredAt?: string;
  endedAt?: string;
  durationSeconds?: number;
  /** Why it ended, where the outcome does not say (`not_joined`: a party never came into the call). */
  reason?: string;
}

export type CallWindowEndReason = 'hangup' | 'partner_left' | 'disconnected' | 'failed' | 'closed';

export interface CallWindowEnd { reason: CallWindowEndReason; call: CallWindowCall }

/**
 * The window as the user left it: own-video corner, camera and microphone, a running screen share,
 * and the window's mode (`docked` | `full`) with the docked window's position and size.
 */
export interface CallWindowLayout {
  corner?: string;
  camera: boolean;
  microphone: boolean;
  sharing: boolean;
  mode?: string;
  frame?: { x: number; y: number; width: number; height: number };
}
