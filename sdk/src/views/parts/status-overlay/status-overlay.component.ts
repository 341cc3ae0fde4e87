import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { LocalizeController } from '../../../i18n/localize.js';
import type { SessionApi } from '../../../session/session-api.js';
import { StoreController, sessionContext } from '../../session-context.js';
import { icons } from '../../icons.js';
import { statusOverlayStyles } from './status-overlay.styles.js';
import { callWindowStrings } from '../../i18n/call-window.js';

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
 * reconnecting, ended, failed; the view words it), and the banner of media problems (camera or
 * microphone denied, missing or in use; sound blocked by the browser) read from the session.
 *
 * @event timio-overlay-action - The overlay's button (e.g. "Close") was pressed. detail: `{state}`.
 * @csspart overlay - The cover with the message.
 * @csspart problems - The problem banner.
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

  /** The room session, from the view that owns it (@lit/context). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionApi;

  private readonly localize = new LocalizeController(this);
  private readonly problems = new StoreController(this, () => this.session, (s) => s.problems);
  private readonly local = new StoreController(this, () => this.session, (s) => s.local);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) {
      this.problems.sync();
      this.local.sync();
    }
  }

  override render() {
    const t = callWindowStrings(this.localize.t);
    const problems = this.problems.value ?? [];
    const blocked = !!this.local.value?.audioBlocked;
    return html`${problems.length || blocked
        ? html`<div class="problems" part="problems" role="alert">
            ${problems.map((p) => html`<div class="problem" data-problem="${p.source}-${p.failure}">${icons.warning}<span>${t.problem[p.source][p.failure]}</span></div>`)}
            ${blocked ? html`<div class="problem">${icons.speaker}<button class="text-button primary" @click=${() => this.session?.startAudio()}>${t.enableAudio}</button></div>` : nothing}
          </div>`
        : nothing}
      ${this.state
        ? html`<div class="overlay" part="overlay" data-state=${this.state}>
            ${this.spinner ? html`<div class="spinner" aria-hidden="true"></div>` : nothing}
            <div role="status">${this.message}</div>
            ${this.action ? html`<button class="text-button primary" @click=${() => this.dispatchEvent(new TimioOverlayActionEvent(this.state))}>${this.action}</button>` : nothing}
          </div>`
        : html`<div class="sr-only" role="status"></div>`}`;
  }
}
