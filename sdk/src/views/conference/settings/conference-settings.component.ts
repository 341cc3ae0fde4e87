import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../../i18n/localize.js';
import { icons } from '../../icons.js';
import { TimioPanelCloseEvent } from '../panel-close.js';
import { conferenceSettingsStyles } from './conference-settings.styles.js';
import { conferenceStrings } from '../i18n/index.js';

export interface ViewOptions {
  layout: 'tiles' | 'speaker';
  mirrorSelf: boolean;
  hideSelf: boolean;
}

export class TimioViewChangeEvent extends CustomEvent<ViewOptions> {
  constructor(detail: ViewOptions) {
    super('timio-view-change', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-view-change': TimioViewChangeEvent;
  }
}

/**
 * "Weitere Einstellungen": the view (tile or speaker), the own picture mirrored or not, the own
 * tile hidden or shown, and the devices (camera, microphone, speaker; the shared device settings).
 *
 * @event timio-view-change - detail: `{layout, mirrorSelf, hideSelf}`.
 * @event timio-panel-close - Close button or Escape.
 *
 * @tag timio-conference-settings
 */
export class TimioConferenceSettings extends LitElement {
  static override styles = conferenceSettingsStyles;

  /** `tiles` (Kachelansicht) or `speaker` (speaker view). */
  @property() layout: 'tiles' | 'speaker' = 'tiles';
  /** Whether the own video is shown mirrored. */
  @property({ type: Boolean, attribute: 'mirror-self' }) mirrorSelf = true;
  /** Whether the own tile is hidden. */
  @property({ type: Boolean, attribute: 'hide-self' }) hideSelf = false;

  private readonly localize = new LocalizeController(this);

  /** Moves focus to the first setting. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('input:checked')?.focus();
  }

  override render() {
    const t = conferenceStrings(this.localize.t);
    const radio = (value: 'tiles' | 'speaker', label: string) => html`<label class="option">
      <input type="radio" name="layout" value=${value} .checked=${this.layout === value} @change=${() => this.change({ layout: value })} />${label}</label>`;
    const check = (key: 'mirrorSelf' | 'hideSelf', label: string) => html`<label class="option">
      <input type="checkbox" class=${key} .checked=${this[key]} @change=${(e: Event) => this.change({ [key]: (e.target as HTMLInputElement).checked })} />${label}</label>`;
    return html`<section aria-labelledby="settings-title" @keydown=${this.onKeydown}>
      <div class="panel-head">
        <h2 id="settings-title">${t.settingsTitle}</h2>
        <button class="icon-button close" aria-label=${t.close} title=${t.close} @click=${() => this.dispatchEvent(new TimioPanelCloseEvent())}>${icons.close}</button>
      </div>
      <div class="body">
        <fieldset><legend>${t.layout}</legend>${radio('tiles', t.tileView)}${radio('speaker', t.speakerView)}</fieldset>
        <fieldset><legend class="sr-only">${t.settingsTitle}</legend>${check('mirrorSelf', t.mirrorSelf)}${check('hideSelf', t.hideSelf)}</fieldset>
        <timio-device-settings embedded></timio-device-settings>
      </div>
    </section>`;
  }

  private change(patch: Partial<ViewOptions>): void {
    const next = { layout: this.layout, mirrorSelf: this.mirrorSelf, hideSelf: this.hideSelf, ...patch };
    Object.assign(this, next);
    this.dispatchEvent(new TimioViewChangeEvent(next));
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.dispatchEvent(new TimioPanelCloseEvent());
  };
}
