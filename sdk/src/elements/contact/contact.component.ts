import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PresenceStatus } from '#protocol/realtime.js';
import { TimioCallRequestEvent } from '../../events.js';
import { LocalizeController, localeOf } from '../../i18n/localize.js';
import {
  contactActionsFor, onContactActionsChange, type ContactAction,
} from '../../contact-actions/contact-actions.js';
import { CallsController } from '../shared/calls-controller.js';
import { PresenceController, effectivePresence } from '../shared/presence-controller.js';
import { videoIcon } from '../shared/icons.js';
import { askForDesktopNotifications } from '../call-button/call-button.component.js';
import { contactStyles } from './contact.styles.js';
import { contactActionItem } from '../shared/contact-action-item.js';
import { menuKeydown } from '../shared/menu-keys.js';

/**
 * Wraps a contact's name (and picture) wherever it appears. A click on it, a right click, the
 * context-menu key or Shift+F10 opens the contact menu: "Videocall starten" while the contact is
 * signed in (else a line saying they are not), the actions the host registered for every contact
 * (timio.registerContactActions), then this element's own items. Arrow keys, Home and End move
 * through the menu; Escape or Tab closes it and returns focus to the name. On a narrow screen the
 * menu slides in from the edge. With `keep-click`, a click stays the host's (a name that is a link
 * opens it).
 *
 * @tag timio-contact
 *
 * @slot - The contact's name and picture (any markup, rendered as the host wrote it). Default: the `name` attribute.
 * @slot menu - The host's own menu items for this contact (buttons or links); they get `role="menuitem"`.
 *
 * @event timio-call-request - Before a call is placed from the menu; cancelable. detail: `{contact}`.
 * @event timio-contact-action - A registered contact action was chosen; cancelable. detail: `{action, contact}`.
 *
 * @csspart trigger - The focusable wrapper around the name.
 * @csspart menu - The menu panel.
 * @csspart item - The "Videocall starten" item.
 * @csspart action - Each registered contact action.
 * @csspart note - The line saying that the contact is not signed in.
 *
 * @cssproperty --timio-contact-menu-background - Menu background.
 * @cssproperty --timio-color-surface - Default menu background.
 * @cssproperty --timio-color-border - Menu border.
 * @cssproperty --timio-color-hover - Highlighted item.
 * @cssproperty --timio-color-primary - Focus ring.
 * @cssproperty --timio-shadow - Menu shadow.
 */
export class TimioContact extends LitElement {
  static override styles = contactStyles;

  /** The contact's directory id. */
  @property({ reflect: true }) contact?: string;
  /** Display name; default: the text of the element. */
  @property() name?: string;
  /** Presence as the host knows it (`online`, `busy`, `offline`); overrides live presence. */
  @property() presence?: string;
  /** The status shown, reflected for styling (read-only). */
  @property({ reflect: true }) status: PresenceStatus = 'offline';
  /** A click on the name stays the host's (e.g. its link); the menu opens by right click and keys only. */
  @property({ type: Boolean, reflect: true, attribute: 'keep-click' }) keepClick = false;
  /** Whether the contact menu is open. */
  @state() open = false;

  private readonly localize = new LocalizeController(this);
  private readonly calls = new CallsController(this);
  private readonly live = new PresenceController(this, () => this.contact);
  private position = { x: 0, y: 0 };
  private hostItems: HTMLElement[] = [];
  private stopActions?: () => void;

  constructor() {
    super();
    // On the host, so right clicks on slotted markup count too.
    this.addEventListener('contextmenu', (e) => this.onContextMenu(e));
    this.addEventListener('keydown', (e) => this.onKeydown(e));
    this.addEventListener('click', (e) => this.onClick(e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopActions = onContactActionsChange(() => this.requestUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.live.sync();
    this.status = effectivePresence(this.presence, this.live.live);
  }

  /** The name shown in the menu: `name`, else the element's text, else the contact id. */
  get displayName(): string {
    // The name is the default slot's text; the host's menu items (slot="menu") and what it hides
    // from screen readers (a picture's initials) are not part of it.
    const text = [...this.childNodes]
      .filter((node) => !(node instanceof Element && node.hasAttribute('slot')))
      .map(spokenText)
      .join(' ');
    return this.name?.trim() || text.replace(/\s+/g, ' ').trim() || this.contact || '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopActions?.();
    this.close(false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A link or button in the name opens the menu on click: say so to screen readers.
    const control = this.nameControl;
    if (!control) return;
    if (this.keepClick) {
      control.removeAttribute('aria-haspopup');
      control.removeAttribute('aria-expanded');
    } else {
      control.setAttribute('aria-haspopup', 'menu');
      control.setAttribute('aria-expanded', this.open ? 'true' : 'false');
    }
  }

  /** Focuses the name (the host's own link or button inside it, if any). */
  override focus(options?: FocusOptions): void {
    (this.nameControl ?? this.trigger)?.focus(options);
  }

  override render() {
    const t = this.localize.t;
    const name = this.displayName;
    const inCall = this.calls.machine.inCall;
    const canCall = this.status === 'online' && !inCall;
    const showCall = this.status !== 'offline';
    const contact = { id: this.contact ?? '', name };
    const actions = this.contact ? contactActionsFor(contact) : [];
    const hasItems = showCall || actions.length > 0 || this.hostItems.length > 0;
    const locale = localeOf(this);
    // When the name markup has its own link or button, that keeps focus and the keyboard; the
    // wrapper then is no second button around it (nested controls confuse screen readers).
    const own = Boolean(this.nameControl);
    return html`<span
        class="trigger"
        part="trigger"
        tabindex=${own ? nothing : '0'}
        role=${own ? nothing : 'button'}
        aria-haspopup=${own ? nothing : 'menu'}
        aria-expanded=${own ? nothing : this.open ? 'true' : 'false'}
        aria-description=${own ? nothing : t.contactMenu.keyboardHint}
        ><slot @slotchange=${this.onNameSlotChange}>${name}</slot></span
      ><div class="panel ${this.open ? 'open' : ''}" part="menu" popover="manual" @keydown=${(e: KeyboardEvent) => menuKeydown(e, this.items(), () => this.close())} @focusout=${this.onFocusOut}>
        <div class="header ${hasItems || !showCall ? '' : 'alone'}">
          <span class="name">${name}</span>
          <span class="status"><span class="dot ${this.status}"></span>${t.presence[this.status]}</span>
        </div>
        ${showCall ? nothing : html`<p class="note" part="note">${t.contactMenu.notSignedIn(name)}</p>`}
        <div role="menu" aria-label=${t.contactMenu.label(name)} ?hidden=${!hasItems}>
          ${showCall
            ? html`<button
                class="item"
                part="item"
                type="button"
                role="menuitem"
                tabindex="-1"
                aria-disabled=${canCall ? 'false' : 'true'}
                title=${this.status === 'busy' ? t.callButton.busy(name) : inCall ? t.callButton.inCall : nothing}
                @click=${this.onStartCall}
              ><span class="icon">${videoIcon}</span>${t.contactMenu.startCall}</button>`
            : nothing}
          ${actions.map((action) => this.renderAction(action, contact, locale))}
          <slot name="menu" @slotchange=${this.onSlotChange} @click=${this.onHostItemClick}></slot>
        </div>
      </div>`;
  }

  private renderAction(action: ContactAction, contact: { id: string; name: string }, locale: string) {
    return contactActionItem(action, contact, locale, { host: this, close: (refocus) => this.close(refocus) });
  }

  /** Opens the menu at a point (viewport coordinates), or below the name when left out. */
  async show(at?: { x: number; y: number }): Promise<void> {
    const rect = this.trigger?.getBoundingClientRect();
    this.position = at ?? { x: rect?.left ?? 0, y: (rect?.bottom ?? 0) + 4 };
    this.open = true;
    await this.updateComplete;
    const panel = this.panel;
    if (!panel) return;
    if (panel.showPopover && !panel.matches(':popover-open')) panel.showPopover();
    this.place(panel);
    this.items()[0]?.focus();
    document.addEventListener('pointerdown', this.onOutsidePointer, true);
    window.addEventListener('resize', this.onViewportChange);
  }

  /** Closes the menu; `restoreFocus` puts focus back on the name. */
  close(restoreFocus = true): void {
    if (!this.open) return;
    this.open = false;
    const panel = this.panel;
    if (panel?.hidePopover && panel.matches(':popover-open')) panel.hidePopover();
    document.removeEventListener('pointerdown', this.onOutsidePointer, true);
    window.removeEventListener('resize', this.onViewportChange);
    if (restoreFocus) this.focus();
  }

  private get trigger(): HTMLElement | null {
    return this.renderRoot.querySelector('.trigger');
  }

  private get panel(): HTMLElement | null {
    return this.renderRoot.querySelector('.panel');
  }

  private place(panel: HTMLElement): void {
    const margin = 8;
    const { width, height } = panel.getBoundingClientRect();
    const x = Math.max(margin, Math.min(this.position.x, innerWidth - width - margin));
    const y = this.position.y + height + margin > innerHeight ? Math.max(margin, this.position.y - height) : this.position.y;
    panel.style.left = `${x}px`;
    panel.style.top = `${y}px`;
  }

  private items(): HTMLElement[] {
    const own = [...this.renderRoot.querySelectorAll<HTMLElement>('.item')];
    return [...own, ...this.hostItems].filter((el) => !el.hidden);
  }

  private onContextMenu(e: MouseEvent): void {
    if (this.panel?.contains(e.composedPath()[0] as Node) || this.hostItems.some((i) => e.composedPath().includes(i))) {
      e.preventDefault();
      return;
    }
    e.preventDefault();
    // A context menu from the keyboard has no pointer position: open below the name.
    const fromPointer = e.button === 2 || e.clientX !== 0 || e.clientY !== 0;
    void this.show(fromPointer ? { x: e.clientX, y: e.clientY } : undefined);
  }

  private onClick(e: MouseEvent): void {
    if (this.keepClick || e.defaultPrevented) return;
    const path = e.composedPath();
    if ((this.panel && path.includes(this.panel)) || this.hostItems.some((i) => path.includes(i))) return;
    // A modified click on a linked name stays the link's (open in a new tab or window).
    if (this.nameControl && (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) return;
    e.preventDefault();
    if (this.open) this.close(true);
    else void this.show();
  }

  private onKeydown(e: KeyboardEvent): void {
    if (this.open) return;
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      void this.show();
    } else if ((e.key === 'Enter' || e.key === ' ') && e.composedPath()[0] === this.trigger) {
      e.preventDefault();
      void this.show();
    }
  }

  private readonly onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && (this.panel?.contains(next) || this.contains(next))) return;
    if (next) this.close(false);
  };

  private readonly onOutsidePointer = (e: PointerEvent) => {
    const path = e.composedPath();
    if (path.includes(this.panel as EventTarget) || this.hostItems.some((i) => path.includes(i))) return;
    // A press on the name itself: its click toggles the menu.
    if (!this.keepClick && path.includes(this)) return;
    this.close(false);
  };

  private readonly onViewportChange = () => this.close(false);

  /** A link or button inside the name markup, if the host wrote one. */
  @state() private nameControl?: HTMLElement;

  private onNameSlotChange(e: Event): void {
    const assigned = (e.target as HTMLSlotElement).assignedElements({ flatten: true });
    const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
    this.nameControl = assigned.flatMap((el) => (el.matches(focusable) ? [el] : [...el.querySelectorAll(focusable)]))[0] as HTMLElement | undefined;
  }

  private onSlotChange(e: Event): void {
    const slot = e.target as HTMLSlotElement;
    this.hostItems = slot.assignedElements({ flatten: true }).filter((el): el is HTMLElement => el instanceof HTMLElement);
    for (const item of this.hostItems) {
      if (!item.hasAttribute('role')) item.setAttribute('role', 'menuitem');
      if (!item.hasAttribute('tabindex')) item.tabIndex = -1;
    }
    this.requestUpdate();
  }

  private onHostItemClick(e: Event): void {
    if (this.hostItems.some((i) => e.composedPath().includes(i))) this.close(true);
  }

  private onStartCall(): void {
    if (this.status !== 'online' || !this.contact || this.calls.machine.inCall) return;
    this.close(true);
    const contact = { id: this.contact, name: this.displayName };
    if (!this.dispatchEvent(new TimioCallRequestEvent(contact))) return;
    askForDesktopNotifications();
    void this.calls.machine.call(contact);
  }
}

/** The text of a node as a screen reader reads it: without `aria-hidden` parts. */
function spokenText(node: Node): string {
  if (node instanceof Element) {
    if (node.getAttribute('aria-hidden') === 'true') return '';
    return [...node.childNodes].map(spokenText).join('');
  }
  return node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
}
