// Registers <timio-video-tile>.
import { TimioVideoTile } from './video-tile.component.js';
import { defineElement } from '../define.js';

export { TimioVideoTile };

export function defineVideoTile(): void {
  defineElement('timio-video-tile', TimioVideoTile);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-video-tile': TimioVideoTile;
  }
}
