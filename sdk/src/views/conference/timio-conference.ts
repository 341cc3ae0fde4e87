// Registers <timio-conference> and the parts it is made of.
import { TimioConference } from './timio-conference.component.js';
import { TimioConferencePrejoin, TimioPrejoinJoinEvent } from './prejoin/prejoin.component.js';
import { TimioConferenceStage } from './stage/conference-stage.component.js';
import { TimioChatPanel } from './chat/chat-panel.component.js';
import { TimioParticipantsPanel } from './participants/participants-panel.component.js';
import { TimioConferenceSettings } from './settings/conference-settings.component.js';
import { define } from '../parts/define.js';
import { defineVideoTile } from '../parts/video-tile/video-tile.js';
import { defineControlBar } from '../parts/control-bar/control-bar.js';
import { defineDeviceSettings } from '../parts/device-settings/device-settings.js';
import { defineStatusOverlay } from '../parts/status-overlay/status-overlay.js';
import { defineMediaProblems } from '../parts/media-problems/media-problems.js';

export { TimioConference, TimioConferencePrejoin, TimioPrejoinJoinEvent, TimioConferenceStage, TimioChatPanel, TimioParticipantsPanel, TimioConferenceSettings };

export function defineTimioConference(): void {
  defineVideoTile();
  defineControlBar();
  defineDeviceSettings();
  defineStatusOverlay();
  defineMediaProblems();
  define('timio-conference-prejoin', TimioConferencePrejoin);
  define('timio-conference-stage', TimioConferenceStage);
  define('timio-chat-panel', TimioChatPanel);
  define('timio-participants-panel', TimioParticipantsPanel);
  define('timio-conference-settings', TimioConferenceSettings);
  define('timio-conference', TimioConference);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-conference': TimioConference;
    'timio-conference-prejoin': TimioConferencePrejoin;
    'timio-conference-stage': TimioConferenceStage;
    'timio-chat-panel': TimioChatPanel;
    'timio-participants-panel': TimioParticipantsPanel;
    'timio-conference-settings': TimioConferenceSettings;
  }
}
