// The room conference this tab holds, remembered across its page loads like the 1:1 call
// (resume/resume-storage.ts: a sessionStorage marker and a Web Lock): the next page of the tab rejoins at
// once, without the pre-join, with camera and microphone as they were and as moderator again if
// the person had confirmed it. The conference view reports through ConferenceResumeStore (its browser
// implementation is in the views chunk, resume/browser-conference-resume-store.ts, to keep the light part small).
import { ResumeLocks, ResumeMarker } from './resume-storage.js';

/** The conference as the person left it on the tab's previous page. */
export interface ResumableConference {
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
export interface ConferenceResumeStore {
  /** In the meeting now (joined or resumed), or camera, microphone, role or chat changed. */
  save(state: ResumableConference): void;
  /** Left, removed, ended or failed: the tab holds nothing any more. */
  clear(room: string): void;
}

/** The tab's marker and the page's locks (the views chunk's keep, resume/browser-conference-resume-store.ts, writes them). */
export const conferenceMarker = new ResumeMarker<ResumableConference>('timio:tab-conference', (c) => typeof c.room === 'string' && !!c.room);
export const conferenceLocks = new ResumeLocks('timio-conference:');

/** The conference the tab held when its last page went, if any. */
export function conferenceToResume(): ResumableConference | undefined {
  return conferenceMarker.get();
}

/** Holds `room` for this page (false: another page, a duplicated tab, holds it). */
export function claimConference(room: string): Promise<boolean> {
  return conferenceLocks.claim(room);
}

/** Forgets the tab's conference (a duplicated tab that could not claim it drops its copy; a failed resume). */
export function forgetConference(room?: string): void {
  conferenceMarker.set(undefined);
  if (room) conferenceLocks.release(room);
}
