// Resuming the tab's room conference on its next page (views chunk): claims it (a duplicated tab,
// whose copy of the marker names a conference another tab holds, forgets it) and opens it where the
// host placed the room's <timio-conference> (else full window), with the token the light part
// asked for while this chunk loaded.
import type { RoomTokenGrant } from '#protocol/rest.js';
import { ResumeLocks } from './resume-locks.js';
import { conferenceMarker, type ResumableConference } from './conference-resume.js';

/** The page's locks of its conferences (browser-conference-resume-store.ts takes them on a fresh join). */
export const conferenceLocks = new ResumeLocks('timio-conference:');

/** Forgets the tab's conference (a duplicated tab that could not claim it drops its copy; a failed resume). */
export function forgetConference(room?: string): void {
  conferenceMarker.set(undefined);
  if (room) conferenceLocks.release(room);
}

/** Opens the conference of the room at once (the views chunk's openConference with `resume`). */
export type ResumeOpener = (request: { room: string; prejoin: false; resume: ResumableConference; grant: Promise<RoomTokenGrant>; roomName?: string }) => Promise<unknown>;

export async function resumeConference(held: ResumableConference, grant: Promise<RoomTokenGrant>, open: ResumeOpener): Promise<void> {
  if (!(await conferenceLocks.claim(held.room))) {
    forgetConference();
    return;
  }
  // The host's element for the room is in the document once it is parsed.
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  await open({ room: held.room, prejoin: false, resume: held, grant, ...(held.roomName ? { roomName: held.roomName } : {}) })
    .catch(() => forgetConference(held.room));
}
