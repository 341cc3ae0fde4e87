// The on-demand part of the SDK (the session + views chunk): the light part reaches it only
// through the page's loader (`import('../views/index.js')`) when a call or conference opens, so
// livekit-client is fetched only by pages that hold one.
export { openCallWindow } from './call/open-call-window.js';
export type { CallWindowOptions, CallWindowHandle } from './call/open-call-window.js';
export type { CallWindowEnd, CallWindowEndReason, CallWindowLayout } from './call/call-types.js';
export { TimioCall, TimioCallWindowEndEvent, defineTimioCall } from './call/timio-call.js';
export { openConference, roomSessionFactory, TimioConference, defineTimioConference, conferenceApi } from './conference/index.js';
export { resumeConference } from '../resume/resume-conference.js';
export type { OpenConferenceOptions } from './conference/index.js';
export {
  TimioConferenceJoinedEvent, TimioConferenceResumedEvent, TimioConferenceLeftEvent, TimioConferenceEndedEvent, TimioConferenceHandRaisedEvent,
  TimioConferenceChatMessageEvent, TimioConferenceCloseEvent,
} from './conference/events.js';
export { RoomSession } from '../session/room-session.js';
export type { RoomSessionOptions } from '../session/room-session.js';
export type { SessionApi } from '../session/session-api.js';
export { sessionContext } from './session-context.js';
export { TimioVideoTile, defineVideoTile } from './parts/video-tile/video-tile.js';
export { TimioControlBar, TimioControlEvent, defineControlBar } from './parts/control-bar/control-bar.js';
export type { ControlSpec } from './parts/control-bar/control-bar.js';
export { TimioDeviceSettings, defineDeviceSettings } from './parts/device-settings/device-settings.js';
export { TimioStatusOverlay, defineStatusOverlay } from './parts/status-overlay/status-overlay.js';
export { TimioPartnerActions, definePartnerActions } from './parts/partner-actions/partner-actions.js';
export { orderParticipants, keepPlaces, activeSpeaker } from '../session/order.js';
export { gridLayout, tilePage, speakerLayout, pageCount } from '../session/layout.js';
export type {
  ParticipantState, TrackState, ConnectionState, LocalMediaState, MediaProblem, DevicesState, ChatMessage, VisibleVideo, DeviceKind,
} from '../session/types.js';
