// The part the call window and the conference share (the session chunk): the RoomSession over
// livekit-client and the media parts both show (tiles, control bar, device settings, status
// overlay, media problems). The page's loader (page/views-loader.ts) imports this module beside
// the call window's or the conference's entry, so the browser fetches the chunks side by side
// instead of one after the other; rollup.config.mjs keeps everything this module reaches (and the
// light part does not) in this one chunk.
export { RoomSession } from '../session/room-session.js';
export type { RoomSessionOptions } from '../session/room-session.js';
export type { SessionApi } from '../session/session-api.js';
export { sessionContext } from './session-context.js';
export { TimioVideoTile, defineVideoTile } from './parts/video-tile/video-tile.js';
export { TimioControlBar, TimioControlEvent, defineControlBar } from './parts/control-bar/control-bar.js';
export type { ControlSpec } from './parts/control-bar/control-bar.js';
export { mediaControls, runMediaControl, canShareScreen } from './parts/control-bar/media-controls.js';
export { TimioDeviceSettings, defineDeviceSettings } from './parts/device-settings/device-settings.js';
export { TimioStatusOverlay, defineStatusOverlay } from './parts/status-overlay/status-overlay.js';
export { TimioMediaProblems, defineMediaProblems } from './parts/media-problems/media-problems.js';
export { orderParticipants, keepPlaces, activeSpeaker } from '../session/order.js';
export { gridLayout, tilePage, speakerLayout, pageCount } from '../session/layout.js';
export type {
  ParticipantState, TrackState, ConnectionState, LocalMediaState, MediaProblem, DevicesState, ChatMessage, VisibleVideo, DeviceKind,
} from '../session/types.js';
