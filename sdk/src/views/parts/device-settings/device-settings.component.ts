import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { styleMap } from 'lit/directives/style-map.js';
import { LocalizeController } from '../../../i18n/localize.js';
import type { SessionApi } from '../../../session/session-api.js';
import type { DeviceKind } from '../../../session/types.js';
import { StoreController, sessionContext } from '../../session-context.js';
import { icons } from '../../icons.js';
import { TimioControlEvent } from '../control-bar/control-bar.component.js';
import { playTestSound, watchMicrophoneLevel } from './device-test.js';
import { deviceSettingsStyles } from './device-settings.styles.js';
import { conferenceStrings } from '../../conference/i18n/index.js';
import { callWindowStrings } from '../../i18n/call-window.js';

export class TimioCloseEvent extends Event {
  constructor() {
    super('timio-close', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-close': TimioCloseEvent;
  }
}

/**
 * Device settings of a call ("Weitere Optionen"): camera with a preview, microphone with a live
 * level, speaker with a test sound. Reads and changes the session the view provides.
 *
 * @event timio-close - The close button or Escape was pressed.
 * @event timio-control - "Bild im Bild" was pressed. detail: `{id: 'picture-in-picture'}`.
 * @csspart panel - The dialog panel.
 * @cssproperty --timio-call-panel - Panel background.
  *
 * @tag timio-device-settings
 */
export class TimioDeviceSettings extends LitElement {
  static override styles = deviceSettingsStyles;

  /** The room session, from the view that owns it (@lit/context). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionApi;

  /** Offers "Bild im Bild" (the view sets it where the browser has Document Picture-in-Picture). */
  @property({ type: Boolean }) pip = false;
  /** Inside another panel (the conference's settings): no own heading, close button or dialog role. */
  @property({ type: Boolean }) embedded = false;

  @state() private level = 0;

  private readonly localize = new LocalizeController(this);
  private readonly devices = new StoreController(this, () => this.session, (s) => s.devices);
  private readonly local = new StoreController(this, () => this.session, (s) => s.local);
  private stopMeter?: () => void;
  private metered?: MediaStreamTrack;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.session?.refreshDevices();
    void import('../media-effects/media-effects.js').then((m) => m.defineMediaEffects());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.meter(undefined);
  }

  /** Focus goes to the first device list (the dialog opened). */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) {
      this.devices.sync();
      this.local.sync();
      void this.session?.refreshDevices();
    }
  }

  protected override updated(): void {
    const preview = this.renderRoot.querySelector('video');
    const camera = this.local.value?.camera;
    if (preview && (preview.srcObject as MediaStream | null)?.getTracks()[0] !== camera) preview.srcObject = camera ? new MediaStream([camera]) : null;
    this.meter(this.local.value?.microphone);
  }

  override render() {
    const t = callWindowStrings(this.localize.t);
    const d = this.devices.value;
    if (!d) return nothing;
    const select = (kind: DeviceKind, label: string) => {
      const list = d.lists[kind];
      return html`<label>
        ${label}
        <select data-device=${kind} ?disabled=${list.length === 0} @change=${(e: Event) => this.session?.switchDevice(kind, (e.target as HTMLSelectElement).value)}>
          ${list.length === 0 ? html`<option value="">${t.noDevice}</option>` : nothing}
          ${list.map((x) => html`<option value=${x.id} ?selected=${d.active[kind] === x.id}>${x.label}</option>`)}
        </select>
      </label>`;
    };
    const percent = Math.round(this.level * 100);
    return html`<section part="panel" class=${this.embedded ? 'embedded' : ''} role=${this.embedded ? 'group' : 'dialog'} aria-labelledby="title" @keydown=${this.onKeydown}>
      ${this.embedded
        ? html`<h3 id="title">${conferenceStrings(this.localize.t).devices}</h3>`
        : html`<div class="head">
            <h2 id="title">${t.moreOptions}</h2>
            <button class="close" aria-label=${t.close} title=${t.close} @click=${this.close}>${icons.close}</button>
          </div>`}
      <div class="body">
      ${select('videoinput', t.camera)}
      ${this.local.value?.camera ? html`<video class="preview" autoplay playsinline muted aria-hidden="true"></video>` : nothing}
      ${select('audioinput', t.microphone)}
      <div>
        <div class="meter" role="meter" aria-label=${t.micLevel} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}>
          <div style=${styleMap({ width: `${percent}%` })}></div>
        </div>
        <div class="hint">${t.micTestHint}</div>
      </div>
      ${d.canChooseSpeaker ? select('audiooutput', t.speaker) : nothing}
      <button class="text-button test-sound" @click=${() => playTestSound(d.active.audiooutput ?? '')}>${t.playTestSound}</button>
      <timio-media-effects class="effects"></timio-media-effects>
      ${this.pip ? html`<button class="text-button pip" @click=${() => this.dispatchEvent(new TimioControlEvent('picture-in-picture'))}>${t.pictureInPicture}</button>` : nothing}
      </div>
    </section>`;
  }

  private meter(track: MediaStreamTrack | undefined): void {
    if (track === this.metered) return;
    this.stopMeter?.();
    this.stopMeter = undefined;
    this.metered = track;
    this.level = 0;
    if (track) this.stopMeter = watchMicrophoneLevel(track, (level) => (this.level = level));
  }

  private close = (): void => {
    this.dispatchEvent(new TimioCloseEvent());
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.close();
  };
}
