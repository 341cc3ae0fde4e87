// The call window's own types. The call itself is the token service's CallInfo and a person its
// UserRef (protocol/realtime.ts, docs/contracts.md): one declaration each, imported from there.
import type { CallInfo } from '#protocol/realtime.js';
import type { WindowLayout } from '../../resume/call-resume-store.js';

export type CallWindowEndReason = 'hangup' | 'partner_left' | 'disconnected' | 'failed' | 'closed';

export interface CallWindowEnd { reason: CallWindowEndReason; call: CallInfo }

/**
 * The window as the user left it: own-video corner, camera and microphone, a running screen share,
 * and the window's mode with the docked window's position and size. The call machine keeps it in the
 * tab's marker, so it is the machine's type (a type import: nothing of the light part is bundled here;
 * the light part may not import views modules, sdk/test/light-part.test.ts).
 */
export type CallWindowLayout = WindowLayout;
