// The conference's host events: small classes with a typed detail, bubbling and composed, so a
// portal hears them on `document` (like sdk/src/events.ts for calls).
import type { ChatMessage } from '../../session/types.js';

const init = { bubbles: true, composed: true } as const;

/** This person is in the room's meeting now. */
export class TimioConferenceJoinedEvent extends CustomEvent<{ room: string; moderator: boolean }> {
  constructor(detail: { room: string; moderator: boolean }) {
    super('timio-conference-joined', { ...init, detail });
  }
}

/**
 * This page took the conference over from the tab's previous page (a page change in the portal):
 * the person was in it all along. Sent instead of a second `timio-conference-joined`.
 */
export class TimioConferenceResumedEvent extends CustomEvent<{ room: string; moderator: boolean }> {
  constructor(detail: { room: string; moderator: boolean }) {
    super('timio-conference-resumed', { ...init, detail });
  }
}

export type ConferenceLeftReason = 'left' | 'removed' | 'failed' | 'full';

/** This person is out of the meeting (left, removed, or the connection failed); it may go on. */
export class TimioConferenceLeftEvent extends CustomEvent<{ room: string; reason: ConferenceLeftReason }> {
  constructor(detail: { room: string; reason: ConferenceLeftReason }) {
    super('timio-conference-left', { ...init, detail });
  }
}

/** The meeting ended for everyone (a moderator ended it). */
export class TimioConferenceEndedEvent extends CustomEvent<{ room: string }> {
  constructor(detail: { room: string }) {
    super('timio-conference-ended', { ...init, detail });
  }
}

/** Someone raised (or lowered) a hand. */
export class TimioConferenceHandRaisedEvent extends CustomEvent<{ room: string; identity: string; name: string; raised: boolean; at?: string }> {
  constructor(detail: { room: string; identity: string; name: string; raised: boolean; at?: string }) {
    super('timio-conference-hand-raised', { ...init, detail });
  }
}

/**
 * A chat message arrived or was sent. With `chat="host"` the chat button dispatches it with
 * `detail.open: true` and no message, for portals that show their own chat (cancelable: no-op).
 */
export class TimioConferenceChatMessageEvent extends CustomEvent<{ room: string; message?: ChatMessage; open?: boolean }> {
  constructor(detail: { room: string; message?: ChatMessage; open?: boolean }) {
    super('timio-conference-chat-message', { ...init, detail });
  }
}

/** The person closed the conference view after it ended for them (a full-window view goes away). */
export class TimioConferenceCloseEvent extends CustomEvent<{ room: string }> {
  constructor(detail: { room: string }) {
    super('timio-conference-close', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'timio-conference-joined': TimioConferenceJoinedEvent;
    'timio-conference-resumed': TimioConferenceResumedEvent;
    'timio-conference-left': TimioConferenceLeftEvent;
    'timio-conference-ended': TimioConferenceEndedEvent;
    'timio-conference-hand-raised': TimioConferenceHandRaisedEvent;
    'timio-conference-chat-message': TimioConferenceChatMessageEvent;
    'timio-conference-close': TimioConferenceCloseEvent;
  }
}
