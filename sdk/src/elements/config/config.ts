// Registers <timio-config>.
import { define } from '../shared/define.js';
import { TimioConfigElement } from './config.component.js';

export { TimioConfigElement };

export function defineConfig(): void {
  define('timio-config', TimioConfigElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-config': TimioConfigElement;
  }
}
