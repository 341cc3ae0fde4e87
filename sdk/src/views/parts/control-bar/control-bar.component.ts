import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../../i18n/localize.js';
import { mediaStrings } from '../../i18n/media.js';
import { icons } from '../../icons.js';
import { fitControls, type ControlSpec } from './control-spec.js';
import { controlBarStyles } from './control-bar.styles.js';
import { menuKeydown } from '../../../elements/shared/menu-keys.js';
import { keepInside } from '../../../elements/shared/keep-inside.js';
import { visibleBox } from '../visible-box.js';

export class TimioControlEvent extends CustomEvent<{ id: string }> {
  constructor(id: string) {
    super('timio-control', { bubbles: true, composed: true, detail: { id } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-control': TimioControlEvent;
  }
}

/** Button size, gap and the extra width of a danger button (px) as the styles draw them. */
const metrics = (width: number) => (width < 640 ? { size: 44, gap: 8, wide: 12 } : { size: 52, gap: 12, wide: 16 });

/**
 * The row of call controls, in the order the view gives. Each is labelled, has a tooltip with its
 * keyboard shortcut, and reports activation as `timio-control`. Controls that do not fit move
 * into a menu behind a "more controls" button (pinned ones always stay); in it arrow keys, Home
 * and End move, Escape or Tab closes it with focus back on the button, and it stays inside the
 * window.
 *
 * @event timio-control - A control was activated. detail: `{id}`.
 * @csspart controls - The toolbar.
 * @csspart overflow-menu - The menu of controls that did not fit.
 * @cssproperty --timio-call-control - Button background.
 * @cssproperty --timio-color-danger - Danger buttons (end call).
  *
 * @tag timio-control-bar
 */
export class TimioControlBar extends LitElement {
  static override styles = controlBarStyles;

  /** The buttons in the view's order (id, label, icon, shortcut, pressed, danger, disabled). */
  @property({ attribute: false }) controls: ControlSpec[] = [];
  /** The toolbar's accessible name. */
  @property() label = '';

  @state() private width = Infinity;
  @state() private menuOpen = false;

  private readonly localize = new LocalizeController(this);
  private resize?: ResizeObserver;
  /** The overflow menu's items that can take focus. */
  private menuItems(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menu"] button:not(:disabled)')];
  }

  /** Closes the overflow menu with focus back on its button. */
  private closeMenu(): void {
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.overflow')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(([entry]) => {
      if (entry) this.width = entry.contentRect.width;
    });
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  /** Runs the control whose shortcut is this key; true when one did (the view calls this). */
  handleShortcut(e: KeyboardEvent): boolean {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.composedPath()[0])) return false;
    const spec = this.controls.find((s) => s.shortcut && s.shortcut.toLowerCase() === e.key.toLowerCase() && !s.disabled);
    if (!spec) return false;
    e.preventDefault();
    this.activate(spec);
    return true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('menuOpen') || !this.menuOpen) return;
    // It opens above the button; in a small docked window it slides to stay inside the window.
    const menu = this.renderRoot.querySelector<HTMLElement>('.menu');
    const button = this.renderRoot.querySelector<HTMLElement>('.overflow');
    if (menu && button) keepInside(menu, visibleBox(menu), button.getBoundingClientRect().top - 8);
    this.menuItems()[0]?.focus();
  }

  override render() {
    const t = this.localize.t;
    const { size, gap, wide } = metrics(this.width);
    const dangers = this.controls.filter((c) => c.danger).length;
    const { shown, overflow } = fitControls(this.controls, this.width - 16 - dangers * wide, size, gap);
    // The overflow button sits before the trailing pinned controls (ending stays last).
    let cut = shown.length;
    while (cut > 0 && shown[cut - 1]!.pinned) cut--;
    const more = overflow.length
      ? html`<span class="more-wrap">
          <button class="overflow" aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-label=${mediaStrings(t).moreControls} title=${mediaStrings(t).moreControls} @click=${() => (this.menuOpen = !this.menuOpen)}>${icons.more}</button>
          ${this.menuOpen ? this.renderMenu(overflow) : nothing}
        </span>`
      : nothing;
    return html`<div class="controls" part="controls" role="toolbar" aria-label=${this.label} @keydown=${this.onToolbarKey}>
      ${shown.slice(0, cut).map((s) => this.renderButton(s))}${more}${shown.slice(cut).map((s) => this.renderButton(s))}
    </div>`;
  }

  private renderButton(s: ControlSpec) {
    const t = this.localize.t;
    return html`<button
      class="${s.id} ${s.active ? 'active' : ''} ${s.off ? 'toggle-off' : ''} ${s.danger ? 'danger' : ''}"
      part=${s.part ?? nothing}
      aria-label=${s.label}
      title=${s.shortcut ? mediaStrings(t).withShortcut(s.label, s.shortcut.toUpperCase()) : s.label}
      aria-pressed=${s.pressed === undefined ? nothing : s.pressed ? 'true' : 'false'}
      aria-expanded=${s.expanded === undefined ? nothing : s.expanded ? 'true' : 'false'}
      aria-controls=${s.controls ?? nothing}
      aria-keyshortcuts=${s.shortcut ?? nothing}
      ?disabled=${!!s.disabled}
      @click=${() => this.activate(s)}
    >${s.icon}${s.badge ? html`<span class="badge" aria-hidden="true">${s.badge}</span>` : nothing}</button>`;
  }

  private renderMenu(overflow: ControlSpec[]) {
    return html`<div class="menu" part="overflow-menu" role="menu" aria-label=${mediaStrings(this.localize.t).moreControls} @keydown=${(e: KeyboardEvent) => menuKeydown(e, this.menuItems(), () => this.closeMenu())}>
      ${overflow.map((s) => html`<button
        role=${s.pressed === undefined ? 'menuitem' : 'menuitemcheckbox'}
        class=${s.id}
        aria-checked=${s.pressed === undefined ? nothing : s.pressed ? 'true' : 'false'}
        ?disabled=${!!s.disabled}
        @click=${() => this.activate(s)}
      >${s.icon}<span>${s.label}</span>${s.badge ? html`<span class="badge" aria-hidden="true">${s.badge}</span>` : nothing}</button>`)}
    </div>`;
  }

  private activate(s: ControlSpec): void {
    if (this.menuOpen) this.menuOpen = false;
    this.dispatchEvent(new TimioControlEvent(s.id));
  }

  /** Arrow keys move between the toolbar's buttons (one tab stop would need roving tabindex). */
  private onToolbarKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.controls > button, .more-wrap > button')];
    const at = buttons.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    buttons[(at + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };
}

function isTyping(target: EventTarget | undefined): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}
