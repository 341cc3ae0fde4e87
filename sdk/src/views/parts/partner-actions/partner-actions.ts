// Registers <timio-partner-actions>.
import { TimioPartnerActions } from './partner-actions.component.js';
import { define } from '../define.js';

export { TimioPartnerActions };

export function definePartnerActions(): void {
  define('timio-partner-actions', TimioPartnerActions);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-partner-actions': TimioPartnerActions;
  }
}
