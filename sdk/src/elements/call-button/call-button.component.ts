import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { PresenceStatus } from '#protocol/realtime.js';
import { TimioCallRequestEvent } from '../../events.js';
import { LocalizeController } from '../../i18n/localize.js';
import { CallsController } from '../shared/calls-controller.js';
import { PresenceController, effectivePresence } from '../shared/presence-controller.js';
import { videoIcon } from '../shared/icons.js';
import { callButtonStyles } from './call-button.styles.js';

/**
 * The video button beside a contact's name. It is shown only while the contact is signed in,
 * is disabled while the contact (or this page) is in a call, and starts a video call on click.
 * A real `<button>`: Tab reaches it, Enter and Space press it.
 *
 * @tag timio-call-button
 *
 * @event timio-call-request - Before a call is placed; cancelable. detail: `{contact: {id, name}}`.
 *
 * @csspart button - The round video button.
 *
 * @cssproperty --timio-call-button-size - Diameter of the button (default 1.75em).
 * @cssproperty --timio-call-button-background - Button colour while the contact can be called.
 * @cssproperty --timio-call-button-color - Icon colour.
 * @cssproperty --timio-call-button-busy-background - Button colour while the contact is busy.
 * @cssproperty --timio-color-primary - Focus ring.
 */
export class TimioCallButton extends LitElement {
  static override styles = callButtonStyles;

  /** The contact's directory id. */
  @property({ reflect: true }) contact?: string;
  /** The contact's display name, for the label ("Videocall mit … starten"); default: the contact id. */
  @property({ reflect: true }) name?: string;
  /**
   * Presence as the host knows it (`online`, `busy`, `offline`); overrides live presence.
   * Leave it out to follow the token service's presence.
   */
  @property() presence?: string;
  /** The status shown, reflected for styling (read-only). */
  @property({ reflect: true }) status: PresenceStatus = 'offline';

  private readonly localize = new LocalizeController(this);
  private readonly calls = new CallsController(this);
  private readonly live = new PresenceController(this, () => this.contact);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.live.sync();
    this.status = effectivePresence(this.presence, this.live.live);
  }

  /** The name to speak and show: `name`, else the contact id. */
  get displayName(): string {
    return this.name?.trim() || this.contact || '';
  }

  /** Focuses the button. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  override render() {
    const t = this.localize.t;
    const name = this.displayName;
    const label = this.status === 'busy' ? t.callButton.busy(name) : this.calls.machine.inCall ? t.callButton.inCall : t.callButton.start(name);
    const disabled = this.status !== 'online' || this.calls.machine.inCall;
    return html`<button part="button" type="button" aria-label=${label} title=${label} aria-disabled=${disabled ? 'true' : 'false'} @click=${this.onClick}>${videoIcon}</button>`;
  }

  private onClick(): void {
    if (this.status !== 'online' || !this.contact || this.calls.machine.inCall) return;
    const contact = { id: this.contact, name: this.displayName };
    if (!this.dispatchEvent(new TimioCallRequestEvent(contact))) return;
    askForDesktopNotifications();
    void this.calls.machine.call(contact);
  }
}

/** Asks once, on a user's click, so incoming calls can notify while the page is in the background. */
export function askForDesktopNotifications(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}
