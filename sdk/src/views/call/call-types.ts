// The slice of the token service's CallInfo (docs/contracts.md) that the call window reads.
// CallInfo's slice is declared here structurally (the window reads only these fields).
import type { WindowLayout } from '../../calls/call-memory.js';

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
 * and the window's mode with the docked window's position and size. The call machine keeps it in the
 * tab's marker, so it is the machine's type (a type import: nothing of the light part is bundled here;
 * the light part may not import views modules, sdk/test/light-part.test.ts).
 */
export type CallWindowLayout = WindowLayout;
