// The room conference this tab holds, remembered across its page loads like the 1:1 call
// (page/tab-hold.ts: a sessionStorage marker and a Web Lock): the next page of the tab rejoins at
// once, without the pre-join, with camera and microphone as they were and as moderator again if
// the person had confirmed it. The conference view reports through ConferenceKeep; nothing is
// written once the page is going (LiveKit stops the tracks then, which is no choice of the person).
import { TabLocks, TabMarker } from './tab-hold.js';

/** The conference as the person left it on the tab's previous page. */
export interface HeldConference {
  room: string;
  roomName?: string;
  camera: boolean;
  microphone: boolean;
  /** Confirmed as moderator (the next page asks for a moderator token again). */
  moderator: boolean;
  /** Came in from the invitation and has not answered the moderator question yet. */
  askModerator?: boolean;
  /** Time (ms) of the newest chat message the person's view had: older ones are not news again. */
  chatSeenAt?: number;
}

/** What the conference view tells the page about the conference it holds (views chunk → light part). */
export interface ConferenceKeep {
  /** In the meeting now (joined or resumed), or camera, microphone, role or chat changed. */
  save(state: HeldConference): void;
  /** Left, removed, ended or failed: the tab holds nothing any more. */
  clear(room: string): void;
}

const marker = new TabMarker<HeldConference>('timio:tab-conference', (c) => typeof c.room === 'string' && !!c.room);
const locks = new TabLocks('timio-conference:');
let pageGoing = false;
if (typeof window !== 'undefined') {
  const going = () => (pageGoing = true);
  window.addEventListener('pagehide', going);
  window.addEventListener('beforeunload', going);
  // A cancelled unload (or a page back from the back-forward cache) is still this page.
  window.addEventListener('pageshow', () => (pageGoing = false));
}

/** The conference the tab held when its last page went, if any. */
export function heldConference(): HeldConference | undefined {
  return marker.get();
}

/** Holds `room` for this page (false: another page, a duplicated tab, holds it). */
export function claimConference(room: string): Promise<boolean> {
  return locks.claim(room);
}

/** Forgets the tab's conference (a duplicated tab that could not claim it drops its copy). */
export function forgetConference(): void {
  marker.set(undefined);
}

/** The page wiring's ConferenceKeep: the marker, and the lock claimed on the first save. */
export const tabConferenceKeep: ConferenceKeep = {
  save(state) {
    if (pageGoing) return;
    if (marker.get()?.room !== state.room) void locks.claim(state.room);
    marker.set(state);
  },
  clear(room) {
    if (pageGoing) return;
    if (marker.get()?.room === room) marker.set(undefined);
    locks.release(room);
  },
};
