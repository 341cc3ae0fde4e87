import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { catalogFor, localeOf } from '../../../i18n/localize.js';
import {
  contactActionsFor, onContactActionsChange, type ContactAction,
} from '../../../contact-actions/contact-actions.js';
import type { UserRef } from '#protocol/realtime.js';
import { icons } from '../../icons.js';
import { partnerActionsStyles } from './partner-actions.styles.js';
import { contactActionItem } from '../../../elements/shared/contact-action-item.js';
import { callWindowStrings } from '../../i18n/call-window.js';
import { keepInside } from '../../../elements/shared/keep-inside.js';
import { visibleBox } from '../visible-box.js';
import { menuKeydown } from '../../../elements/shared/menu-keys.js';

/**
 * "Weitere Kontaktoptionen" for the person one talks to: a button that opens the actions the host
 * registered with timio.registerContactActions ("Chat öffnen", "Profil anzeigen"), the same as in
 * the contact menu. Shows nothing while no action applies to the contact. Arrow keys move through
 * the menu; Escape or Tab closes it and returns focus to the button. The menu stays inside the
 * window that holds the button (it slides left at the right edge, opens upward at the bottom).
 *
 * @event timio-contact-action - An action was chosen; cancelable. detail: `{action, contact}`.
 * @csspart button - The "Weitere Kontaktoptionen" button.
 * @csspart menu - The menu of actions.
 * @csspart action - Each action.
 * @cssproperty --timio-color-surface - Menu background.
 * @cssproperty --timio-color-border - Menu border.
 * @cssproperty --timio-color-hover - Highlighted item.
 * @cssproperty --timio-color-primary - Focus ring.
 *
 * @tag timio-partner-actions
 */
export class TimioPartnerActions extends LitElement {
  static override styles = partnerActionsStyles;

  /** The contact the actions are for (the call's partner). */
  @property({ attribute: false }) contact?: UserRef;
  /** UI language; defaults to the page's `lang`. */
  @property() locale?: string;
  /** Whether the menu is open. */
  @state() open = false;

  private stopActions?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopActions = onContactActionsChange(() => this.requestUpdate());
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopActions?.();
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
  }

  /** Whether any action applies to the contact (the button shows only then). */
  get hasActions(): boolean {
    return !!this.contact && contactActionsFor(this.contact).length > 0;
  }

  override render() {
    const contact = this.contact;
    const actions = contact ? contactActionsFor(contact) : [];
    if (!contact || actions.length === 0) return nothing;
    const locale = this.locale ?? localeOf(this);
    const t = callWindowStrings(catalogFor(locale));
    return html`<button class="toggle" part="button" type="button" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu" title=${t.contactOptions} @click=${this.toggle} @keydown=${this.onButtonKeydown}>
        ${icons.person}<span class="text">${t.contactOptions}</span></button>
      <div id="menu" class="menu" part="menu" role="menu" aria-label=${t.contactOptionsFor(contact.name)} ?hidden=${!this.open}
        @keydown=${(e: KeyboardEvent) => menuKeydown(e, this.items(), () => this.close())}>
        ${actions.map((a) => this.renderAction(a, contact, locale))}
      </div>`;
  }

  private renderAction(action: ContactAction, contact: UserRef, locale: string) {
    // A link action opens in a new tab: the call window covers this page and must not be left.
    return contactActionItem(action, contact, locale, { host: this, close: (refocus) => this.close(refocus), newTab: true });
  }

  private get button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('.toggle');
  }

  private items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.item')];
  }

  private readonly toggle = async (): Promise<void> => {
    if (this.open) return this.close(true);
    this.open = true;
    await this.updateComplete;
    // Near the window's right edge (the name is long, the window narrow) it slides left, never cut.
    const menu = this.renderRoot.querySelector<HTMLElement>('.menu');
    if (menu) keepInside(menu, visibleBox(menu), (this.button?.getBoundingClientRect().top ?? 0) - 6);
    this.items()[0]?.focus();
  };

  /** Closes the menu; `restoreFocus` puts focus back on the button. */
  close(restoreFocus = true): void {
    if (!this.open) return;
    this.open = false;
    if (restoreFocus) this.button?.focus();
  }

  private readonly onButtonKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' || this.open) return;
    e.preventDefault();
    void this.toggle();
  };

  private readonly onOutsidePointer = (e: PointerEvent): void => {
    if (this.open && !e.composedPath().includes(this)) this.close(false);
  };
}
