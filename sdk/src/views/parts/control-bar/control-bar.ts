// Registers <timio-control-bar>.
import { TimioControlBar, TimioControlEvent } from './control-bar.component.js';
import { defineElement } from '../define.js';

export { TimioControlBar, TimioControlEvent };
export type { ControlSpec } from './control-spec.js';

export function defineControlBar(): void {
  defineElement('timio-control-bar', TimioControlBar);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-control-bar': TimioControlBar;
  }
}
