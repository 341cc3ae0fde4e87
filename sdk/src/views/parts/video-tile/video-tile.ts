// Registers <timio-video-tile>.
import { TimioVideoTile } from './video-tile.component.js';
import { define } from '../define.js';

export { TimioVideoTile };

export function defineVideoTile(): void {
  define('timio-video-tile', TimioVideoTile);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-video-tile': TimioVideoTile;
  }
}
