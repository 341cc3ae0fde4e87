// Registers <timio-call> and the view parts it is made of.
import { TimioCall, TimioCallWindowEndEvent } from './timio-call.component.js';
import { define } from '../parts/define.js';
import { defineVideoTile } from '../parts/video-tile/video-tile.js';
import { defineControlBar } from '../parts/control-bar/control-bar.js';
import { defineDeviceSettings } from '../parts/device-settings/device-settings.js';
import { defineStatusOverlay } from '../parts/status-overlay/status-overlay.js';
import { defineMediaProblems } from '../parts/media-problems/media-problems.js';
import { definePartnerActions } from '../parts/partner-actions/partner-actions.js';

export { TimioCall, TimioCallWindowEndEvent };

export function defineTimioCall(): void {
  defineVideoTile();
  defineControlBar();
  defineDeviceSettings();
  defineStatusOverlay();
  defineMediaProblems();
  definePartnerActions();
  define('timio-call', TimioCall);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-call': TimioCall;
  }
}
