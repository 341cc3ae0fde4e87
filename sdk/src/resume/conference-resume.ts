// The room conference this tab holds, remembered across its page loads like the 1:1 call (a
// sessionStorage marker, resume-storage.ts, and a Web Lock, resume-locks.ts): the next page of the
// tab rejoins at once, without the pre-join, with camera and microphone as they were and as
// moderator again if the person had confirmed it. The light part only reads the marker here; the
// resume itself (resume-conference.ts) and the view's store (browser-conference-resume-store.ts)
// are in the views chunk.
import { ResumeMarker } from './resume-storage.js';

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

/** The tab's marker (browser-conference-resume-store.ts, in the views chunk, writes it). */
export const conferenceMarker = new ResumeMarker<ResumableConference>('timio:tab-conference', (c) => typeof c.room === 'string' && !!c.room);

/** The conference the tab held when its last page went, if any. */
export function conferenceToResume(): ResumableConference | undefined {
  return conferenceMarker.get();
}
