// The events the SDK dispatches to the host page. Each is a small class with a typed `detail`;
// all bubble and cross shadow roots (composed), so `document.addEventListener(...)` sees them.
import type { CallInfo, RoomRing, UserRef } from '#protocol/realtime.js';

const init = { bubbles: true, composed: true } as const;

/** A call of this user began ringing (placed from this page, or arriving on it). */
export class TimioCallStartedEvent extends CustomEvent<CallInfo> {
  constructor(call: CallInfo) {
    super('timio-call-started', { ...init, detail: call });
  }
}

/** A call of this user was answered (`detail.answeredElsewhere` when another page of the callee took it). */
export class TimioCallAnsweredEvent extends CustomEvent<CallInfo> {
  constructor(call: CallInfo) {
    super('timio-call-answered', { ...init, detail: call });
  }
}

/** A call ended, whatever the outcome; `detail.outcome` and `detail.durationSeconds` say how. */
export class TimioCallEndedEvent extends CustomEvent<CallInfo> {
  constructor(call: CallInfo) {
    super('timio-call-ended', { ...init, detail: call });
  }
}

/**
 * This page took over the user's call from the tab's previous page (a page change or reload in
 * the portal): the window is back, the call goes on. Sent instead of a second
 * `timio-call-started`; `detail` is the call as the service knows it (its `answeredAt` unchanged).
 */
export class TimioCallResumedEvent extends CustomEvent<CallInfo> {
  constructor(call: CallInfo) {
    super('timio-call-resumed', { ...init, detail: call });
  }
}

/** An incoming call ended unanswered (no answer, or the caller hung up while it rang). */
export class TimioCallMissedEvent extends CustomEvent<CallInfo> {
  constructor(call: CallInfo) {
    super('timio-call-missed', { ...init, detail: call });
  }
}

/**
 * The user asked to call a contact (button or contact menu). Cancelable: a host that calls
 * `preventDefault()` keeps the call from being placed.
 */
export class TimioCallRequestEvent extends CustomEvent<{ contact: UserRef }> {
  constructor(contact: UserRef) {
    super('timio-call-request', { ...init, cancelable: true, detail: { contact } });
  }
}

/**
 * The user chose one of the host's contact actions (timio.registerContactActions) for a contact,
 * in a contact menu or the call window. Cancelable: `preventDefault()` keeps the action's
 * `run` from running (and a link action from opening).
 */
export class TimioContactActionEvent extends CustomEvent<{ action: string; contact: UserRef }> {
  constructor(action: string, contact: UserRef) {
    super('timio-contact-action', { ...init, cancelable: true, detail: { action, contact } });
  }
}

/** A call could not be placed or answered; `detail.code` is the token service's error code. */
export class TimioCallErrorEvent extends CustomEvent<{ code: string; message: string; call?: CallInfo }> {
  constructor(detail: { code: string; message: string; call?: CallInfo }) {
    super('timio-call-error', { ...init, detail });
  }
}

/** A room's members are being called to a meeting. Cancelable: `preventDefault()` hides the popup. */
export class TimioRoomRingEvent extends CustomEvent<RoomRing> {
  constructor(ring: RoomRing) {
    super('timio-room-ring', { ...init, cancelable: true, detail: ring });
  }
}

/**
 * The user chose "Teilnehmen" on a room invitation. The host (or a `<timio-conference>` on the
 * page) joins the room; cancelable so a host can take over navigation.
 */
export class TimioRoomRingAcceptEvent extends CustomEvent<RoomRing> {
  constructor(ring: RoomRing) {
    super('timio-room-ring-accept', { ...init, cancelable: true, detail: ring });
  }
}

/** The user dismissed a room invitation. */
export class TimioRoomRingDismissEvent extends CustomEvent<RoomRing> {
  constructor(ring: RoomRing) {
    super('timio-room-ring-dismiss', { ...init, detail: ring });
  }
}

export interface ConferenceRequest { room: string; roomName: string; prejoin: boolean }

/**
 * The user asked to open a room's conference ("Teilnehmen" in the room bar or the invitation
 * popup). Cancelable: a host that calls `preventDefault()` opens it its own way; otherwise the SDK
 * loads the conference and shows it (the page's `<timio-conference room>` or a full-window one).
 */
export class TimioConferenceRequestEvent extends CustomEvent<ConferenceRequest> {
  constructor(detail: ConferenceRequest) {
    super('timio-conference-request', { ...init, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'timio-conference-request': TimioConferenceRequestEvent;
    'timio-call-started': TimioCallStartedEvent;
    'timio-call-answered': TimioCallAnsweredEvent;
    'timio-call-ended': TimioCallEndedEvent;
    'timio-call-missed': TimioCallMissedEvent;
    'timio-call-resumed': TimioCallResumedEvent;
    'timio-call-request': TimioCallRequestEvent;
    'timio-call-error': TimioCallErrorEvent;
    'timio-contact-action': TimioContactActionEvent;
    'timio-room-ring': TimioRoomRingEvent;
    'timio-room-ring-accept': TimioRoomRingAcceptEvent;
    'timio-room-ring-dismiss': TimioRoomRingDismissEvent;
  }
}
