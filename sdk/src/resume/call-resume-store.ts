// What the call machine remembers beyond one page load, as an interface (the machine stays free of
// the DOM): the call this tab holds, with the window as it was, so the next page of the same tab
// resumes the call; and which host events this browser already sent for which call, so a page
// change never repeats `timio-call-started` and the next page sends a `timio-call-ended` that the
// previous one missed. The browser's implementation is in resume/browser-call-resume-store.ts; tests use testing/browser/memory-call-resume-store.ts.
import type { CallInfo } from '#protocol/realtime.js';

/** The call window as the user left it (restored on the next page of the tab). */
export interface WindowLayout {
  /** Corner of the own video. */
  corner?: string;
  camera: boolean;
  microphone: boolean;
  /** The user was sharing the screen: a share ends with its page, the next window says so. */
  sharing: boolean;
  /** `docked` or `full` (the window's own button switches). */
  mode?: string;
  /** The docked window's position and size in CSS pixels (clamped to the next page's viewport). */
  frame?: { x: number; y: number; width: number; height: number };
}

/** The call this tab holds: its window's or its own ringing outgoing call. */
export interface ResumableCall {
  id: string;
  layout?: WindowLayout;
}

export type ReportedEvent = 'started' | 'answered' | 'missed';

/** The LiveKit token the tab's call window holds (a CallGrant's token, url and call). */
export interface KeptGrant {
  call: CallInfo;
  token: string;
  url: string;
}

export interface CallResumeStore {
  /** The call this tab held when its last page went (only this tab sees it). */
  tabCall(): ResumableCall | undefined;
  setTabCall(call: ResumableCall | undefined): void;
  /** Host events this browser already sent for the user's call. */
  reported(userId: string, callId: string): readonly ReportedEvent[];
  markReported(userId: string, callId: string, event: ReportedEvent): void;
  /** The call's `ended` went out: nothing more to remember. */
  finished(userId: string, callId: string): void;
  /** Calls this browser reported as started but not as ended, oldest first. */
  unfinished(userId: string): string[];
  /**
   * Holds the call for this page until `release` (a duplicated tab inherits the tab's marker but
   * must not take the call too). Resolves false when another page holds it.
   */
  claim(callId: string): Promise<boolean>;
  release(callId: string): void;
  /**
   * The token of the call whose window this page shows (undefined: none any more). When the page
   * goes, it is left for the tab's next page, which connects with it at once instead of waiting
   * for the portal token and a fresh join (the join still goes out and confirms the call runs).
   */
  keepGrant?(grant: KeptGrant | undefined): void;
  /** The previous page's token for `callId`, if it left one still valid for a while; taken once. */
  takeGrant?(callId: string): KeptGrant | undefined;
}
