// Registers <timio-device-settings>.
import { TimioCloseEvent, TimioDeviceSettings } from './device-settings.component.js';
import { define } from '../define.js';
import { TimioMediaEffects } from '../media-effects/media-effects.component.js';

export { TimioDeviceSettings, TimioCloseEvent, TimioMediaEffects };

export function defineDeviceSettings(): void {
  define('timio-media-effects', TimioMediaEffects);
  define('timio-device-settings', TimioDeviceSettings);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-device-settings': TimioDeviceSettings;
    'timio-media-effects': TimioMediaEffects;
  }
}
