// Registers <timio-media-effects>. Loaded by the panels that show it when they open (its own
// small chunk with its strings), so the session + views chunk stays as it was.
import { TimioMediaEffects } from './media-effects.component.js';
import { define } from '../define.js';

export { TimioMediaEffects };

export function defineMediaEffects(): void {
  define('timio-media-effects', TimioMediaEffects);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-media-effects': TimioMediaEffects;
  }
}
