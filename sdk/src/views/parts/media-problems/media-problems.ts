// Registers <timio-media-problems>.
import { TimioMediaProblems } from './media-problems.component.js';
import { define } from '../define.js';

export { TimioMediaProblems };

export function defineMediaProblems(): void {
  define('timio-media-problems', TimioMediaProblems);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-media-problems': TimioMediaProblems;
  }
}
