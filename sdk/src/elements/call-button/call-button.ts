// Registers <timio-call-button>.
import { define } from '../shared/define.js';
import { TimioCallButton } from './call-button.component.js';

export { TimioCallButton };

export function defineCallButton(): void {
  define('timio-call-button', TimioCallButton);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-call-button': TimioCallButton;
  }
}
