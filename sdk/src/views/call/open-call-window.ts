// Opens the 1:1 call window on a new room session and closes both together.
import { RoomSession } from '../../session/room-session.js';
import type { CallInfo, UserRef } from '#protocol/realtime.js';
import type { CallWindowEnd, CallWindowLayout } from './call-types.js';
import type { Corner } from './self-view-corner.js';
import { isWindowMode, parseFrame } from './window-frame.js';
import { TimioCall, defineTimioCall } from './timio-call.js';
import { addPeoplePort, handOver, type ConversionPage } from './call-conversion.js';

export interface CallWindowOptions {
  /** The call as the token service reports it (CallInfo of docs/contracts.md). */
  call: CallInfo;
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
   * The window as it was on the tab's previous page (a page change in the portal): own-video
   * corner, camera and microphone on or off, docked or full with the docked position and size;
   * `sharing` says a screen share ended with that page.
   */
  restore?: CallWindowLayout;
  /**
   * The page's wiring (page-services.ts passes its pageServices): with it, the window offers
   * "Person hinzufügen" (issue 27) and hands its session to the meeting the call becomes.
   */
  page?: () => ConversionPage;
  /** Called with the window's layout after each change (the page wiring keeps it for the next page). */
  onLayout?(layout: CallWindowLayout): void;
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
  update(call: CallInfo): void;
  /** Leaves the room and removes the window (no onEnd with `hangup`). */
  close(): Promise<void>;
  /**
   * The call ended with `reason: 'converted'`: hands the live session to the meeting's conference
   * (no reconnect) and removes the window once the conference shows the videos; onEnd `closed`.
   */
  convert(call: CallInfo): Promise<void>;
}

/** Opens the call window ("Arbeitsfenster") and joins the call's LiveKit room. */
export function openCallWindow(options: CallWindowOptions): CallWindowHandle {
  defineTimioCall();
  const selfId = options.selfId ?? identityFromToken(options.token);
  const partner: UserRef = options.call.caller.id === selfId ? options.call.callee : options.call.caller;
  // Auto-subscribe: a 1:1 window shows every track of the partner's (see RoomSessionOptions).
  // Resumed on the tab's next page: the partner waits to see this person again (publishWhileConnecting).
  const session = new RoomSession({ url: options.url, token: options.token, watchMedia: true, autoSubscribe: true, publishWhileConnecting: !!options.restore });
  const element = document.createElement('timio-call');
  element.session = session;
  element.call = options.call;
  element.partner = partner;
  if (options.locale) element.locale = options.locale;
  if (options.page) element.callIn = addPeoplePort(element, options.call, options.page);
  const restore = options.restore;
  if (restore?.corner && ['top-left', 'top-right', 'bottom-left', 'bottom-right'].includes(restore.corner)) element.corner = restore.corner as Corner;
  if (restore?.sharing) element.screenShareEnded = true;
  // The window where the person left it (the element clamps it to this page's viewport).
  if (isWindowMode(restore?.mode)) element.mode = restore.mode;
  const frame = parseFrame(restore?.frame);
  if (frame) element.frame = frame;
  let ended = false;
  // The page is going: what the window shows from now on (tracks stopping) is not the user's choice.
  let leavingPage = false;
  const onPageLeave = () => (leavingPage = true);
  window.addEventListener('beforeunload', onPageLeave);
  window.addEventListener('pagehide', onPageLeave);
  let started = false;
  const saveLayout = () => {
    if (ended || leavingPage || !started || !options.onLayout) return;
    const phase = session.connection.value.phase;
    if (phase !== 'connected' && phase !== 'reconnecting') return;
    const local = session.local.value;
    if (local.busy) return;
    options.onLayout({
      corner: element.corner, camera: local.cameraOn, microphone: local.micOn, sharing: local.screenSharing,
      ...(element.mode ? { mode: element.mode } : {}),
      ...(element.frame ? { frame: element.frame } : {}),
    });
  };
  const stop = () => {
    ended = true;
    element.removeEventListener('timio-call-window-end', onWindowEnd);
    element.removeEventListener('timio-call-window-layout', saveLayout);
    window.removeEventListener('beforeunload', onPageLeave);
    window.removeEventListener('pagehide', onPageLeave);
  };
  const finish = async (end: CallWindowEnd) => {
    if (ended) return;
    stop();
    // Ended by the partner or elsewhere (not by this person's own hang-up or Close): a short
    // "Gespräch beendet" notice stays until dismissed or faded, instead of the window vanishing.
    // Not for a call the partner never came into: <timio-notifications> says that instead (both at
    // once would say "ended, 0:00" beside "did not join").
    const notice = end.reason === 'closed' && end.call.state === 'ended' && !neverConnected(end.call) && element.isConnected;
    if (notice) void element.showEnded().then(() => element.remove());
    await session.leave();
    if (!notice) element.remove();
    options.onEnd(end);
  };
  const onWindowEnd = (e: Event) => void finish((e as CustomEvent<CallWindowEnd>).detail);
  element.addEventListener('timio-call-window-end', onWindowEnd);
  // A new call replaces the notice of the one before.
  for (const old of document.querySelectorAll('timio-call[ended]')) old.remove();
  element.addEventListener('timio-call-window-layout', saveLayout);
  // Registered before connect(): LiveKit's own page-leave handler (which stops the tracks) runs after ours.
  void session.connect({ camera: restore?.camera ?? true, microphone: restore?.microphone ?? true }).then(() => {
    started = true;
    session.local.subscribe(saveLayout);
    saveLayout();
  });
  // The window goes into the page in the next task: LiveKit opens its signal connection in this
  // task's microtasks, and the window's first render (its parts, the page's style recalculation)
  // would otherwise run before it (on a page change about 50-150 ms on a busy 2-core machine, the
  // whole of it added to the time until the partner is seen again).
  setTimeout(() => {
    if (!ended) (options.container ?? document.body).append(element);
  });
  return {
    element,
    session,
    update(call) {
      element.call = call;
      if (call.state === 'ended') void finish({ reason: 'closed', call });
    },
    close: () => finish({ reason: 'closed', call: element.call ?? options.call }),
    async convert(call) {
      if (ended) return;
      const page = options.page;
      if (!call.meeting || !page || !element.isConnected) return finish({ reason: 'closed', call });
      stop();
      element.call = call;
      try {
        await handOver(element, session, call, selfId, page);
      } catch (err) {
        // The conference could not open (its chunk failed to load): the call is over here.
        console.warn('[timio] the meeting could not take over the call', err);
        element.remove();
        await session.leave();
      }
      options.onEnd({ reason: 'closed', call });
    },
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

/** The token service's verdict that a party never came into the call (after the rejoin grace). */
function neverConnected(call: CallInfo): boolean {
  return call.reason === 'not_joined';
}
