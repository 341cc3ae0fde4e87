import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { statusOverlayStyles } from './status-overlay.styles.js';

export class TimioOverlayActionEvent extends CustomEvent<{ state: string }> {
  constructor(state: string) {
    super('timio-overlay-action', { bubbles: true, composed: true, detail: { state } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-overlay-action': TimioOverlayActionEvent;
  }
}

/**
 * What covers the stage when there is nothing to watch yet or any more (connecting, waiting,
 * reconnecting, ended, failed; the view words it). Media problems are `<timio-media-problems>`,
 * which the view places where they cover no video.
 *
 * @event timio-overlay-action - The overlay's button (e.g. "Close") was pressed. detail: `{state}`.
 * @csspart overlay - The cover with the message.
 *
 * @tag timio-status-overlay
 */
export class TimioStatusOverlay extends LitElement {
  static override styles = statusOverlayStyles;

  /** Which state is shown (`data-state`); empty shows no cover. */
  @property({ reflect: true }) state = '';
  /** The sentence shown (already translated by the view). */
  @property() message = '';
  /** Shows a spinner beside the message (connecting, reconnecting). */
  @property({ type: Boolean }) spinner = false;
  /** Label of the cover's button; none when empty. */
  @property() action = '';

  override render() {
    return html`${this.state
        ? html`<div class="overlay" part="overlay" data-state=${this.state}>
            ${this.spinner ? html`<div class="spinner" aria-hidden="true"></div>` : nothing}
            <div role="status">${this.message}</div>
            ${this.action ? html`<button class="text-button primary" @click=${() => this.dispatchEvent(new TimioOverlayActionEvent(this.state))}>${this.action}</button>` : nothing}
          </div>`
        : html`<div class="sr-only" role="status"></div>`}`;
  }
}
