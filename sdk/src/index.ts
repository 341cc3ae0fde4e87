// The script-tag entry of the SDK: `<script type="module" src=".../timio.js"></script>` registers
// the light elements, adds <timio-notifications> to the page, and connects to the token service
// as soon as the page is configured (timio.configure or <timio-config>). Nothing here imports
// livekit-client: the call window is a separate chunk loaded when a call starts.
import { configure, getConfig, type BackgroundImage, type BackgroundList, type TimioConfig, type TimioOptions } from './config/config.js';
import { registerCatalog } from './i18n/localize.js';
import { defineConfig } from './elements/config/config.js';
import { defineCallButton } from './elements/call-button/call-button.js';
import { defineContact } from './elements/contact/contact.js';
import { defineNotifications, ensureNotifications } from './elements/notifications/notifications.js';
import { defineRoomBar } from './elements/room-bar/room-bar.js';
import { connectWhenConfigured, pageServices } from './page/page-services.js';
import type { CallInfo, UserRef } from '#protocol/realtime.js';
import type { RoomRingResult } from '#protocol/rest.js';
import { registerContactActions, type ContactAction } from './contact-actions/contact-actions.js';

export const version = '0.1.0';

export const timio = {
  version,
  configure,
  getConfig,
  registerCatalog,
  /** The host's own contact actions ("Chat öffnen", …) for every contact menu and the call window. */
  registerContactActions,
  /** Places a call as if the user had pressed a contact's video button. */
  call: (contact: UserRef): Promise<void> => pageServices().calls.call(contact),
  /** Ends this page's active call. */
  hangup: (): Promise<void> => pageServices().calls.hangup(),
  /** Calls every other online member of a room to its meeting ("Alle Mitglieder … rufen"). */
  ringRoom: (room: string): Promise<RoomRingResult> => pageServices().api.ringRoom(room),
  /** The call this page holds, if any. */
  get activeCall(): CallInfo | undefined {
    return pageServices().calls.snapshot().active;
  },
};

export type { TimioOptions, TimioConfig, CallInfo, UserRef, ContactAction, BackgroundImage, BackgroundList };
export type { RoomRing, RoomStatus, CallOutcome, CallState, PresenceStatus } from '#protocol/realtime.js';
export type { CallGrant, RoomRingResult, ErrorBody, ChatMessage, RoomTokenGrant, InviteInfo, GuestGrant, GuestWaiting, GuestAdmission, OpenInvite, CreatedInvite, WaitingGuest } from '#protocol/rest.js';
export type { ErrorCode } from '#protocol/errors.js';
export type { Catalog } from './i18n/catalog.js';
export type { ThemeOption, ThemeToken } from './theme/theme.js';
export { TimioApiError } from './api/api-error.js';
export {
  TimioCallStartedEvent, TimioCallAnsweredEvent, TimioCallEndedEvent, TimioCallMissedEvent, TimioCallResumedEvent, TimioCallRequestEvent,
  TimioCallErrorEvent, TimioContactActionEvent, TimioRoomRingEvent, TimioRoomRingAcceptEvent, TimioRoomRingDismissEvent,
  TimioConferenceRequestEvent,
} from './events.js';
export { TimioCallButton } from './elements/call-button/call-button.js';
export { TimioContact } from './elements/contact/contact.js';
export { TimioNotifications } from './elements/notifications/notifications.js';
export { TimioRoomBar } from './elements/room-bar/room-bar.js';
export { TimioConfigElement } from './elements/config/config.js';

// Module load defines what can be defined anywhere: the element classes register wherever there is
// a custom element registry (a browser, or Lit's registry shim when a server renderer imports the
// package in Node). Everything that needs a page (the notifications element, the realtime
// connection, window.timio) waits for a document, so a server-rendered portal can import the SDK.
defineConfig();
defineCallButton();
defineContact();
defineNotifications();
defineRoomBar();

// Pages without a module bundler can reach the API as `window.timio`.
declare global {
  interface Window {
    timio?: typeof timio;
  }
}
if (typeof document !== 'undefined') {
  ensureNotifications();
  // One realtime connection per page, opened once the page says where the token service is.
  connectWhenConfigured();
  window.timio ??= timio;
}
