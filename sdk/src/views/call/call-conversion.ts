// A 1:1 call becoming a meeting in place (issue 27), on the call window's side: "Person hinzufügen"
// (the colleague dialog's port, posting to the call's add-people route) and the hand-over of the
// window's live RoomSession to a conference view once the call ended with `reason: 'converted'`.
// The page's wiring (REST client, realtime frames, the conference opener) comes from the light part,
// which is loaded on every page that opens a call window.
import type { CallInfo } from '#protocol/realtime.js';
import type { CallConvertAnswer } from '#protocol/rest.js';
import type { RoomSession } from '../../session/room-session.js';
import type { CallInPort } from '../conference/call-in/call-in-api.js';
import { openConference, pageServices } from '../../page/page-services.js';
import { loadConferenceViews } from '../../page/views-loader.js';
import type { TimioCall } from './timio-call.component.js';

/** The longest the call window stays on screen over the conference until its videos play. */
const HANDOVER_WAIT_MS = 2_000;

/**
 * The "Person hinzufügen" dialog's port for `call`: it searches the directory, posts the picked
 * colleagues to `POST /v1/calls/:id/add-people` and, with the answer, tells the page's calls that
 * the call became a meeting (the realtime frame may come later than the answer, or not at all).
 */
export function addPeoplePort(window: TimioCall, call: CallInfo): CallInPort {
  const page = pageServices();
  return {
    request: (method, path, body) => page.api.request(method, path, body),
    room: '',
    call: call.id,
    host: window,
    answers: (listener) => page.realtime?.onGuestNotice?.(listener) ?? (() => undefined),
    notify: () => undefined,
    // The conference's chunk is fetched while the person picks, so the hand-over does not wait for it.
    prepare: () => void loadConferenceViews().catch(() => undefined),
    converted: (answer: CallConvertAnswer) => {
      const now = window.call ?? call;
      if (now.state === 'ended') return;
      page.calls.handleCall({ ...now, state: 'ended', outcome: 'completed', reason: 'converted', meeting: answer.meeting, endedAt: new Date().toISOString() });
    },
  };
}

/**
 * Opens the conference of the meeting `call` became on the window's live session (no token, no
 * reconnect), where the window was: full window, or over the docked window's place. The window stays
 * on top until the conference plays as many videos as it does (at most HANDOVER_WAIT_MS), so the
 * partner's picture never goes away; then it is removed. `selfId`: this page's user.
 */
export async function handOver(window: TimioCall, session: RoomSession, call: CallInfo, selfId: string | undefined): Promise<void> {
  const meeting = call.meeting;
  if (!meeting) return;
  const conference = (await openConference({
    room: meeting.room, prejoin: false, roomName: meeting.name, adopt: { session, moderator: call.caller.id === selfId },
  })) as HTMLElement & { updateComplete: Promise<unknown> };
  const frame = window.frame;
  if (window.shownMode === 'docked' && frame) {
    Object.assign(conference.style, { inset: 'auto', left: `${frame.x}px`, top: `${frame.y}px`, width: `${frame.width}px`, height: `${frame.height}px` });
  }
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
