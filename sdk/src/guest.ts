// The guest page's script-tag entry: `<script type="module" src=".../timio-guest.js"></script>`
// registers <timio-guest-join> and nothing else. Guests have no portal session, so the employees'
// elements (call buttons, notifications, the realtime connection) stay out of this page, and the
// guest page's code and strings stay out of the employees' light part.
import { defineGuestJoin } from './elements/guest-join/guest-join.js';

export { TimioGuestJoin, TimioGuestStateEvent } from './elements/guest-join/guest-join.js';
export type { GuestJoinState } from './elements/guest-join/guest-join.js';
export type { GuestJoinCatalog } from './i18n/catalog.js';

defineGuestJoin();
