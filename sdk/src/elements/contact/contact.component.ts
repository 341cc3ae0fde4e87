import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PresenceStatus } from '../../protocol/realtime.js';
import { TimioCallRequestEvent } from '../../events.js';
import { LocalizeController } from '../../i18n/localize.js';
import { CallsController } from '../shared/calls-controller.js';
import { PresenceController, effectivePresence } from '../shared/presence-controller.js';
import { videoIcon } from '../shared/icons.js';
import { askForDesktopNotifications } from '../call-button/call-button.component.js';
import { contactStyles } from './contact.styles.js';

/**
 * Wraps a contact's name wherever it appears. Right click, the context-menu key or Shift+F10
 * opens the contact menu: "Videocall starten" while the contact is signed in, plus the host's
 * own items. Arrow keys move through the menu; Escape closes it and returns focus to the name.
 *
 * @slot - The contact's name (any markup; rendered as the host wrote it). Default: the `name` attribute.
 * @slot menu - The host's own menu items (buttons or links); they get `role="menuitem"`.
 *
 * @event timio-call-request - Before a call is placed from the menu; cancelable. detail: `{contact}`.
 *
 * @csspart trigger - The focusable wrapper around the name.
 * @csspart menu - The menu panel.
 * @csspart item - The "Videocall starten" item.
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
  /** Whether the contact menu is open. */
  @state() open = false;

  private readonly localize = new LocalizeController(this);
  private readonly calls = new CallsController(this);
  private readonly live = new PresenceController(this, () => this.contact);
  private position = { x: 0, y: 0 };
  private hostItems: HTMLElement[] = [];

  constructor() {
    super();
    // On the host, so right clicks on slotted markup count too.
    this.addEventListener('contextmenu', (e) => this.onContextMenu(e));
    this.addEventListener('keydown', (e) => this.onKeydown(e));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.live.sync();
    this.status = effectivePresence(this.presence, this.live.live);
  }

  get displayName(): string {
    // The name is the default slot's text; the host's menu items (slot="menu") are not part of it.
    const text = [...this.childNodes]
      .filter((node) => !(node instanceof Element && node.hasAttribute('slot')))
      .map((node) => node.textContent ?? '')
      .join(' ');
    return this.name?.trim() || text.replace(/\s+/g, ' ').trim() || this.contact || '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.close(false);
  }

  override focus(options?: FocusOptions): void {
    (this.nameControl ?? this.trigger)?.focus(options);
  }

  override render() {
    const t = this.localize.t;
    const name = this.displayName;
    const canCall = this.status === 'online' && !this.calls.machine.inCall;
    const showCall = this.status !== 'offline';
    const hasItems = showCall || this.hostItems.length > 0;
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
      ><div class="panel ${this.open ? 'open' : ''}" part="menu" popover="manual" @keydown=${this.onMenuKeydown} @focusout=${this.onFocusOut}>
        <div class="header ${hasItems ? '' : 'alone'}">
          <span class="name">${name}</span>
          <span class="status"><span class="dot ${this.status}"></span>${t.presence[this.status]}</span>
        </div>
        <div role="menu" aria-label=${t.contactMenu.label(name)} ?hidden=${!hasItems}>
          ${showCall
            ? html`<button
                class="item"
                part="item"
                type="button"
                role="menuitem"
                tabindex="-1"
                aria-disabled=${canCall ? 'false' : 'true'}
                title=${this.status === 'busy' ? t.callButton.busy(name) : nothing}
                @click=${this.onStartCall}
              ><span class="icon">${videoIcon}</span>${t.contactMenu.startCall}</button>`
            : nothing}
          <slot name="menu" @slotchange=${this.onSlotChange} @click=${this.onHostItemClick}></slot>
        </div>
      </div>`;
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

  private onMenuKeydown(e: KeyboardEvent): void {
    const items = this.items();
    const current = items.findIndex((i) => i === e.composedPath()[0] || i.contains(e.composedPath()[0] as Node));
    const move = (index: number) => items[(index + items.length) % items.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        move(current + 1);
        break;
      case 'ArrowUp':
        move(current < 0 ? -1 : current - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(-1);
        break;
      case 'Escape':
        this.close(true);
        break;
      case 'Tab':
        // Focus goes back to the name first, so Tab then continues from there as usual.
        this.close(true);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  private readonly onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (next && (this.panel?.contains(next) || this.contains(next))) return;
    if (next) this.close(false);
  };

  private readonly onOutsidePointer = (e: PointerEvent) => {
    if (!e.composedPath().includes(this.panel as EventTarget) && !this.hostItems.some((i) => e.composedPath().includes(i))) this.close(false);
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
