// A 1:1 call becoming a meeting in place (issue 27), on the call window's side: "Person hinzufügen"
// (the colleague dialog's port, posting to the call's add-people route) and the hand-over of the
// window's live RoomSession to a conference view once the call ended with `reason: 'converted'`.
// The page's wiring (REST client, realtime frames, the page's calls) is handed in by the page
// (page/page-services.ts passes its pageServices); the conference comes from its own chunk.
import type { CallInfo } from '#protocol/realtime.js';
import type { CallConvertAnswer } from '#protocol/rest.js';
import type { RoomSession } from '../../session/room-session.js';
import type { CallInPort } from '../conference/call-in/call-in-api.js';
import type { GuestNoticeSource } from '../conference/waiting/waiting-guests.js';
import type { RestPort } from '../conference/room-api.js';
import type { TimioCall } from './timio-call.component.js';

/** What the conversion needs of the page (PageServices fits). */
export interface ConversionPage {
  readonly api: RestPort;
  readonly calls: { handleCall(call: CallInfo): void };
  readonly realtime?: { onGuestNotice?: GuestNoticeSource } | undefined;
}

/** The conference's chunk (fetched beside the session chunk, which the call window has loaded already). */
const conferenceViews = () => import('../conference.js');

/** The longest the call window stays on screen over the conference until its videos play. */
const HANDOVER_WAIT_MS = 2_000;

/**
 * The "Person hinzufügen" dialog's port for `call`: it searches the directory, posts the picked
 * colleagues to `POST /v1/calls/:id/add-people` and, with the answer, tells the page's calls that
 * the call became a meeting (the realtime frame may come later than the answer, or not at all).
 */
export function addPeoplePort(window: TimioCall, call: CallInfo, services: () => ConversionPage): CallInPort {
  const page = services();
  return {
    request: (method, path, body) => page.api.request(method, path, body),
    room: '',
    call: call.id,
    host: window,
    // The conference's chunk is fetched while the person picks, so the hand-over does not wait for it.
    prepare: () => void conferenceViews().catch(() => undefined),
    converted: (answer: CallConvertAnswer) => {
      const now = window.call ?? call;
      if (now.state === 'ended') return;
      page.calls.handleCall({ ...now, state: 'ended', outcome: 'completed', reason: 'converted', meeting: answer.meeting, endedAt: new Date().toISOString() });
    },
  };
}

/**
 * Opens the conference of the meeting `call` became on the window's live session (no token, no
 * reconnect), full window also when the call window was docked: a meeting of three or more needs
 * the room, and the conference has no docked mode (nothing to move or enlarge it with), so the
 * docked window's small place would trap it there. (A page with its own <timio-conference> for the
 * room gets it there, as openConference does; a converted call's room is new, so none has.) The window stays
 * on top until the conference plays as many videos as it does (at most HANDOVER_WAIT_MS), so the
 * partner's picture never goes away; then it is removed. `selfId`: this page's user.
 */
export async function handOver(window: TimioCall, session: RoomSession, call: CallInfo, selfId: string | undefined, services: () => ConversionPage): Promise<void> {
  const meeting = call.meeting;
  if (!meeting) return;
  const page = services();
  const conference = (await conferenceViews()).openConference({
    room: meeting.room, prejoin: false, roomName: meeting.name, rest: page.api, adopt: { session, moderator: call.caller.id === selfId },
    guestNotices: (listener) => page.realtime?.onGuestNotice?.(listener) ?? (() => undefined),
  });
  // Drawn but not shown until its videos play: the window's picture stays in view meanwhile.
  conference.style.opacity = '0';
  await conference.updateComplete;
  const want = playingVideos(window);
  const until = Date.now() + HANDOVER_WAIT_MS;
  while (Date.now() < until && playingVideos(conference) < want) await new Promise((r) => requestAnimationFrame(r));
  conference.style.opacity = '';
  window.remove();
}

/** Video elements under `root` (through shadow roots) that show a picture now. */
function playingVideos(root: Element): number {
  let n = 0;
  const walk = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      if (el instanceof HTMLVideoElement && el.readyState >= 2 && el.videoWidth > 0) n++;
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root.shadowRoot ?? root);
  return n;
}
