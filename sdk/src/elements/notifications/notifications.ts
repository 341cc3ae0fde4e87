// Registers <timio-notifications>.
import { define } from '../shared/define.js';
import { TimioNotifications } from './notifications.component.js';

export { TimioNotifications };

export function defineNotifications(): void {
  define('timio-notifications', TimioNotifications);
}

/** Adds a <timio-notifications> to the page unless it has one. */
export function ensureNotifications(): void {
  const add = () => {
    if (!document.querySelector('timio-notifications')) document.body.append(document.createElement('timio-notifications'));
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add, { once: true });
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-notifications': TimioNotifications;
  }
}
