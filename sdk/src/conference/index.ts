// The on-demand part of the SDK: the light elements reach this module only through
// `import('../conference/index.js')` when a call becomes active, so livekit-client (about 150 KB
// gzipped) is fetched only by pages that actually hold a call.
import type { CallPeer, CallWindowCall, CallWindowEnd } from './call-types.js';
import { CallSession } from './call-session.js';
import { TimioCall, defineTimioCall } from './call-window/timio-call.js';

export type { CallPeer, CallWindowCall, CallWindowEnd, CallWindowEndReason } from './call-types.js';
export { CallSession } from './call-session.js';
export type { CallSessionState, PartnerState, LocalState, MediaProblem, DeviceKind } from './call-session.js';
export { TimioCall } from './call-window/timio-call.js';

export interface CallWindowOptions {
  /** The call as the token service reports it (CallInfo of docs/contracts.md). */
  call: CallWindowCall;
  /** LiveKit access token for the call's room (from POST /v1/calls or /accept). */
  token: string;
  /** LiveKit server URL that came with the token. */
  url: string;
  locale?: 'de' | 'en';
  /** This page's user id; taken from the token's `sub` when left out. */
  selfId?: string;
  /** Where the window goes; default document.body. */
  container?: HTMLElement;
  /**
   * Called once when the window closes: `hangup` when this user ended the call (the caller of
   * openCallWindow then tells the token service), `partner_left` / `disconnected` / `failed`
   * when the media connection ended on its own, `closed` after handle.close().
   */
  onEnd(end: CallWindowEnd): void;
}

export interface CallWindowHandle {
  readonly element: TimioCall;
  readonly session: CallSession;
  /** Pass every later CallInfo of this call (e.g. to show that it ended elsewhere). */
  update(call: CallWindowCall): void;
  /** Leaves the room and removes the window (no onEnd with `hangup`). */
  close(): Promise<void>;
}

/** Opens the call window ("Arbeitsfenster") and joins the call's LiveKit room. */
export function openCallWindow(options: CallWindowOptions): CallWindowHandle {
  defineTimioCall();
  const selfId = options.selfId ?? identityFromToken(options.token);
  const partner: CallPeer = options.call.caller.id === selfId ? options.call.callee : options.call.caller;
  const session = new CallSession({ url: options.url, token: options.token, partner });
  const element = document.createElement('timio-call') as TimioCall;
  element.session = session;
  element.call = options.call;
  if (options.locale) element.locale = options.locale;
  let ended = false;
  const finish = async (end: CallWindowEnd) => {
    if (ended) return;
    ended = true;
    element.removeEventListener('timio-call-window-end', onWindowEnd);
    await session.leave();
    element.remove();
    options.onEnd(end);
  };
  const onWindowEnd = (e: Event) => void finish((e as CustomEvent<CallWindowEnd>).detail);
  element.addEventListener('timio-call-window-end', onWindowEnd);
  (options.container ?? document.body).append(element);
  void session.connect();
  return {
    element,
    session,
    update(call) {
      element.call = call;
      if (call.state === 'ended') void finish({ reason: 'closed', call });
    },
    close: () => finish({ reason: 'closed', call: element.call ?? options.call }),
  };
}

function identityFromToken(token: string): string | undefined {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}
