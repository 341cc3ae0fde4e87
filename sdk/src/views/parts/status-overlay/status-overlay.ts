// Registers <timio-status-overlay>.
import { TimioOverlayActionEvent, TimioStatusOverlay } from './status-overlay.component.js';
import { defineElement } from '../define.js';

export { TimioStatusOverlay, TimioOverlayActionEvent };

export function defineStatusOverlay(): void {
  defineElement('timio-status-overlay', TimioStatusOverlay);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-status-overlay': TimioStatusOverlay;
  }
}
