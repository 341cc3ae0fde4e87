// Registers <timio-status-overlay>.
import { TimioOverlayActionEvent, TimioStatusOverlay } from './status-overlay.component.js';
import { define } from '../define.js';

export { TimioStatusOverlay, TimioOverlayActionEvent };

export function defineStatusOverlay(): void {
  define('timio-status-overlay', TimioStatusOverlay);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-status-overlay': TimioStatusOverlay;
  }
}
