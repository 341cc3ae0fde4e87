// The events <timio-call> sends to the page: the call window's end, and a new arrangement of it.
import type { CallWindowEnd } from './call-types.js';
import type { WindowFrame, WindowMode } from './window-frame.js';

/** The user ended the call or closed the window after it ended. */
export class TimioCallWindowEndEvent extends CustomEvent<CallWindowEnd> {
  constructor(detail: CallWindowEnd) {
    super('timio-call-window-end', { bubbles: true, composed: true, detail });
  }
}

/** What the person arranged: own-video corner, window mode, docked frame. */
export interface CallWindowArrangement {
  corner: string;
  mode: WindowMode;
  /** The docked window's position and size (absent until the person moved or resized it). */
  frame?: WindowFrame;
}

/** The person moved the own video or the window, resized it or switched its mode (the page wiring keeps it for the next page). */
export class TimioCallWindowLayoutEvent extends CustomEvent<CallWindowArrangement> {
  constructor(detail: CallWindowArrangement) {
    super('timio-call-window-layout', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-call-window-end': TimioCallWindowEndEvent;
    'timio-call-window-layout': TimioCallWindowLayoutEvent;
  }
}
