// Registers <timio-contact>.
import { define } from '../shared/define.js';
import { TimioContact } from './contact.component.js';

export { TimioContact };

export function defineContact(): void {
  define('timio-contact', TimioContact);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-contact': TimioContact;
  }
}
