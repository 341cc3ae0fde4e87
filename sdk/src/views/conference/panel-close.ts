// The event a side panel sends when its close button or Escape is pressed.
export class TimioPanelCloseEvent extends Event {
  constructor() {
    super('timio-panel-close', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-panel-close': TimioPanelCloseEvent;
  }
}
