// Registers <timio-room-bar>.
import { define } from '../shared/define.js';
import { TimioRoomBar } from './room-bar.component.js';

export { TimioRoomBar };

export function defineRoomBar(): void {
  define('timio-room-bar', TimioRoomBar);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-room-bar': TimioRoomBar;
  }
}
