// Opens the 1:1 call window on a new room session and closes both together.
import { RoomSession } from '../../session/room-session.js';
import type { CallPeer, CallWindowCall, CallWindowEnd } from './call-types.js';
import { TimioCall, defineTimioCall } from './timio-call.js';

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
   * when the media connection ended on its own, `closed` after handle.close() (or update() with
   * the call ended; then the window stays a few seconds as a "Gespräch beendet" notice).
   */
  onEnd(end: CallWindowEnd): void;
}

export interface CallWindowHandle {
  readonly element: TimioCall;
  readonly session: RoomSession;
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
  const session = new RoomSession({ url: options.url, token: options.token, watchMedia: true });
  const element = document.createElement('timio-call');
  element.session = session;
  element.call = options.call;
  element.partner = partner;
  if (options.locale) element.locale = options.locale;
  let ended = false;
  const finish = async (end: CallWindowEnd) => {
    if (ended) return;
    ended = true;
    element.removeEventListener('timio-call-window-end', onWindowEnd);
    // Ended by the partner or elsewhere (not by this person's own hang-up or Close): a short
    // "Gespräch beendet" notice stays until dismissed or faded, instead of the window vanishing.
    const notice = end.reason === 'closed' && end.call.state === 'ended' && element.isConnected;
    if (notice) void element.showEnded().then(() => element.remove());
    await session.leave();
    if (!notice) element.remove();
    options.onEnd(end);
  };
  const onWindowEnd = (e: Event) => void finish((e as CustomEvent<CallWindowEnd>).detail);
  element.addEventListener('timio-call-window-end', onWindowEnd);
  // A new call replaces the notice of the one before.
  for (const old of document.querySelectorAll('timio-call[ended]')) old.remove();
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
