// Registers <timio-call>. Defining twice (the SDK loaded twice on a page) warns instead of throwing.
import { TimioCall } from './timio-call.component.js';

export { TimioCall };

export function defineTimioCall(): void {
  const existing = customElements.get('timio-call');
  if (existing) {
    if (existing !== TimioCall) console.warn('[timio] <timio-call> is already defined by another copy of the SDK');
    return;
  }
  customElements.define('timio-call', TimioCall);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-call': TimioCall;
  }
}
