// The browser's ConferenceResumeStore: the tab's conference marker and lock (resume/conference-resume.ts),
// claimed on the first save of a fresh join. Nothing is written once the page is going: LiveKit
// stops the tracks then, which is no choice of the person, and the next page takes over.
import { conferenceMarker, type ConferenceResumeStore } from './conference-resume.js';
import { conferenceLocks } from './resume-conference.js';

let pageGoing = false;
if (typeof window !== 'undefined') {
  const going = () => (pageGoing = true);
  window.addEventListener('pagehide', going);
  window.addEventListener('beforeunload', going);
  // A page back from the back-forward cache is still this page.
  window.addEventListener('pageshow', () => (pageGoing = false));
}

export const browserConferenceResumeStore: ConferenceResumeStore = {
  save(state) {
    if (pageGoing) return;
    if (conferenceMarker.get()?.room !== state.room) void conferenceLocks.claim(state.room);
    conferenceMarker.set(state);
  },
  clear(room) {
    if (pageGoing) return;
    if (conferenceMarker.get()?.room === room) conferenceMarker.set(undefined);
    conferenceLocks.release(room);
  },
};
