// Registers <timio-device-settings>.
import { TimioCloseEvent, TimioDeviceSettings } from './device-settings.component.js';
import { define } from '../define.js';

export { TimioDeviceSettings, TimioCloseEvent };

export function defineDeviceSettings(): void {
  define('timio-device-settings', TimioDeviceSettings);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-device-settings': TimioDeviceSettings;
  }
}
