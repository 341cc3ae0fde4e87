// The conference's chunk: openConference() is what the page wiring calls for "Teilnehmen" (room
// bar, invitation popup), resumeConference() after a page change, and the guest page's opener
// defines <timio-conference> from here (all through page/views-loader.ts, which fetches the
// shared session chunk beside this one).
export { openConference, roomSessionFactory, TimioConference, defineTimioConference, conferenceApi } from './conference/index.js';
export type { OpenConferenceOptions } from './conference/index.js';
export { resumeConference } from '../resume/resume-conference.js';
export {
  TimioConferenceJoinedEvent, TimioConferenceResumedEvent, TimioConferenceLeftEvent, TimioConferenceEndedEvent, TimioConferenceHandRaisedEvent,
  TimioConferenceChatMessageEvent, TimioConferenceCloseEvent,
} from './conference/events.js';
