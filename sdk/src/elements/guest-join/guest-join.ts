// Registers <timio-guest-join>.
import { define } from '../shared/define.js';
import { TimioGuestJoin, TimioGuestStateEvent, type GuestJoinState } from './guest-join.component.js';

export { TimioGuestJoin, TimioGuestStateEvent };
export type { GuestJoinState };

export function defineGuestJoin(): void {
  define('timio-guest-join', TimioGuestJoin);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-guest-join': TimioGuestJoin;
  }
  interface HTMLElementEventMap {
    'timio-guest-state': TimioGuestStateEvent;
  }
}
