import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { LocalizeController } from '../../../i18n/localize.js';
import { icons } from '../../icons.js';
import { watchMicrophoneLevel } from '../../parts/device-settings/device-test.js';
import { loadChoices, saveChoices, type MediaChoices } from './choices.js';
import { prejoinStyles } from './prejoin.styles.js';
import { conferenceStrings } from '../i18n/index.js';
import { callWindowStrings } from '../../i18n/call-window.js';
import { mediaSettings } from '../../../session/media-settings.js';
import type { BackgroundPipeline } from '../../../effects/background-pipeline.js';

export class TimioPrejoinJoinEvent extends CustomEvent<{ choices: MediaChoices; moderator: boolean }> {
  constructor(detail: { choices: MediaChoices; moderator: boolean }) {
    super('timio-prejoin-join', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-prejoin-join': TimioPrejoinJoinEvent;
  }
}

type Problem = 'permission_denied' | 'no_device' | 'in_use' | 'other';
type Source = 'camera' | 'microphone';

/**
 * The pre-join of a conference: camera preview, microphone level, device choice, joining with
 * camera or microphone off, and, for a person who may moderate the room, the confirmation
 * ("Bestätigen Sie ggf., dass Sie Moderator … sind") or joining as a plain member. Plain browser
 * media (no LiveKit): the session starts only on "Teilnehmen".
 *
 * @event timio-prejoin-join - detail: `{choices: {camera, microphone, cameraId?, microphoneId?}, moderator}`.
 * @event timio-close - "Abbrechen".
 * @csspart preview - The camera preview.
 * @csspart effects - "Ton und Hintergrund": the sound switches and the camera background, closed at first.
 *
 * @tag timio-conference-prejoin
 */
export class TimioConferencePrejoin extends LitElement {
  static override styles = prejoinStyles;

  /** The room's name, shown above the preview. */
  @property({ attribute: 'room-name' }) roomName = '';
  /** The directory lists this person as the room's moderator. */
  @property({ type: Boolean, attribute: 'can-moderate' }) canModerate = false;
  /** A join is under way (buttons wait). */
  @property({ type: Boolean }) busy = false;

  @state() private choices: MediaChoices = loadChoices();
  @state() private cameras: MediaDeviceInfo[] = [];
  @state() private mics: MediaDeviceInfo[] = [];
  @state() private level = 0;
  @state() private problems: Partial<Record<'camera' | 'microphone', Problem>> = {};
  private video?: MediaStreamTrack;
  private audio?: MediaStreamTrack;
  private stopMeter?: () => void;
  /** The preview with the chosen background (processing `video`), as the others will see it. */
  private background?: { pipeline: BackgroundPipeline; input: MediaStreamTrack };
  private stopSettings?: () => void;
  /** Counts captures and releases per source, so a late getUserMedia answer knows it is stale. */
  private readonly generation: Record<Source, number> = { camera: 0, microphone: 0 };
  private readonly localize = new LocalizeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.capture();
    this.stopSettings = mediaSettings.subscribe(() => void this.processPreview());
    void import('../../parts/media-effects/media-effects.js').then((m) => m.defineMediaEffects());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopSettings?.();
    this.release();
  }

  protected override updated(): void {
    const preview = this.renderRoot.querySelector('video');
    const shown = this.background?.pipeline.output ?? this.video;
    if (preview && (preview.srcObject as MediaStream | null)?.getTracks()[0] !== shown) preview.srcObject = shown ? new MediaStream([shown]) : null;
  }

  /** Puts the chosen background on the preview, changes or removes it (the processing chunk loads on first use). */
  private async processPreview(): Promise<void> {
    const choice = mediaSettings.value.background;
    const video = this.video;
    if (this.background && (choice === 'none' || this.background.input !== video)) {
      this.background.pipeline.stop();
      this.background = undefined;
      this.requestUpdate();
    }
    if (choice === 'none' || !video) return;
    if (this.background) return this.background.pipeline.setChoice(choice);
    const { previewBackground } = await import('../../../effects/live-effects.js');
    const stale = () => this.video !== video || !!this.background || mediaSettings.value.background === 'none';
    if (stale()) return;
    const pipeline = await previewBackground(video, mediaSettings.value.background).catch(() => undefined);
    if (!pipeline) return;
    if (stale()) {
      pipeline.stop();
      return void this.processPreview();
    }
    pipeline.setChoice(mediaSettings.value.background);
    this.background = { pipeline, input: video };
    this.requestUpdate();
  }

  override render() {
    const t = conferenceStrings(this.localize.t);
    const tc = callWindowStrings(this.localize.t);
    const c = this.choices;
    const percent = Math.round(this.level * 100);
    const select = (kind: 'camera' | 'microphone', list: MediaDeviceInfo[], label: string) => html`<label class="device">${label}
      <select data-device=${kind} ?disabled=${list.length === 0} @change=${(e: Event) => this.pick(kind, (e.target as HTMLSelectElement).value)}>
        ${list.length === 0 ? html`<option value="">${tc.noDevice}</option>` : nothing}
        ${list.map((d, i) => html`<option value=${d.deviceId} ?selected=${(kind === 'camera' ? c.cameraId : c.microphoneId) === d.deviceId}>${d.label || `${label} ${i + 1}`}</option>`)}
      </select></label>`;
    const problems = Object.entries(this.problems) as Array<['camera' | 'microphone', Problem]>;
    return html`<section class="prejoin" aria-labelledby="title">
      <h2 id="title">${t.prejoinTitle(this.roomName)}</h2>
      <div class="preview" part="preview">
        ${c.camera && this.video
          ? html`<video class="mirror" autoplay playsinline muted aria-label=${t.preview}></video>`
          : html`<div class="off">${icons.cameraOff}<span>${t.previewOff}</span></div>`}
        <div class="toggles">
          <button class="toggle camera ${c.camera ? '' : 'off'}" aria-pressed=${c.camera ? 'true' : 'false'} aria-label=${t.cameraToggle} title=${t.cameraToggle} @click=${() => this.toggle('camera')}>${c.camera ? icons.camera : icons.cameraOff}</button>
          <button class="toggle mic ${c.microphone ? '' : 'off'}" aria-pressed=${c.microphone ? 'true' : 'false'} aria-label=${t.micToggle} title=${t.micToggle} @click=${() => this.toggle('microphone')}>${c.microphone ? icons.mic : icons.micOff}</button>
        </div>
      </div>
      ${problems.length ? html`<div class="problems" role="alert">${problems.map(([source, failure]) => html`<p data-problem="${source}-${failure}">${tc.problem[source][failure]}</p>`)}</div>` : nothing}
      <div class="devices">
        ${select('camera', this.cameras, tc.camera)}
        ${select('microphone', this.mics, tc.microphone)}
        <div class="meter" role="meter" aria-label=${tc.micLevel} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${c.microphone ? percent : 0}>
          <div style=${styleMap({ width: `${c.microphone ? percent : 0}%` })}></div>
        </div>
      </div>
      <details class="effects-more" part="effects"><summary>${t.effectsMore}</summary><timio-media-effects class="effects"></timio-media-effects></details>
      ${this.canModerate
        ? html`<div class="moderator" role="group" aria-labelledby="confirm"><p id="confirm">${t.confirmModerator}</p>
            <div class="actions">
              <button class="primary join-moderator" ?disabled=${this.busy} @click=${() => this.join(true)}>${t.joinAsModerator}</button>
              <button class="secondary join-member" ?disabled=${this.busy} @click=${() => this.join(false)}>${t.joinAsMember}</button>
            </div></div>`
        : html`<div class="actions"><button class="primary join" ?disabled=${this.busy} @click=${() => this.join(false)}>${t.join}</button></div>`}
      <div class="actions"><button class="link cancel" @click=${() => this.dispatchEvent(new Event('timio-close', { bubbles: true, composed: true }))}>${t.cancel}</button></div>
      ${this.busy ? html`<p role="status">${t.joining}</p>` : nothing}
    </section>`;
  }

  private join(moderator: boolean): void {
    saveChoices(this.choices);
    this.release();
    this.dispatchEvent(new TimioPrejoinJoinEvent({ choices: { ...this.choices }, moderator }));
  }

  private toggle(kind: 'camera' | 'microphone'): void {
    this.choices = { ...this.choices, [kind]: !this.choices[kind] };
    void this.capture([kind]);
  }

  private pick(kind: 'camera' | 'microphone', id: string): void {
    this.choices = { ...this.choices, [kind === 'camera' ? 'cameraId' : 'microphoneId']: id };
    void this.capture([kind]);
  }

  /**
   * (Re)starts the preview of these sources for the current choices (the other keeps running);
   * each fails on its own. A capture overtaken by a newer one, a release or a join stops what it
   * got: a track left running would keep the camera light on and the device busy for the session.
   */
  private async capture(which: ReadonlyArray<Source> = ['camera', 'microphone']): Promise<void> {
    this.release(which);
    if (!this.isConnected) return;
    const c = this.choices;
    const generation = { ...this.generation };
    const current = (kind: Source) => this.generation[kind] === generation[kind];
    const failures: Partial<Record<Source, Problem>> = {};
    const get = async (kind: Source, id?: string) => {
      try {
        const constraints = kind === 'camera' ? { video: id ? { deviceId: { exact: id } } : true } : { audio: id ? { deviceId: { exact: id } } : true };
        const tracks = (await navigator.mediaDevices.getUserMedia(constraints)).getTracks();
        if (current(kind)) return tracks[0];
        for (const t of tracks) t.stop();
      } catch (err) {
        if (current(kind)) failures[kind] = failureOf(err);
      }
      return undefined;
    };
    const want = (kind: Source) => which.includes(kind) && c[kind];
    const [video, audio] = await Promise.all([want('camera') ? get('camera', c.cameraId) : undefined, want('microphone') ? get('microphone', c.microphoneId) : undefined]);
    const problems = { ...this.problems };
    for (const kind of which) if (current(kind)) delete problems[kind];
    this.problems = { ...problems, ...failures };
    if (video) {
      this.video = video;
      void this.processPreview();
    }
    if (audio) {
      this.audio = audio;
      this.stopMeter = watchMicrophoneLevel(audio, (level) => (this.level = level));
    }
    this.requestUpdate();
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    this.cameras = devices.filter((d) => d.kind === 'videoinput' && d.deviceId);
    this.mics = devices.filter((d) => d.kind === 'audioinput' && d.deviceId);
  }

  /** Stops the preview of these sources (and any capture of them still under way). */
  private release(which: ReadonlyArray<Source> = ['camera', 'microphone']): void {
    for (const kind of which) this.generation[kind]++;
    if (which.includes('camera')) {
      this.video?.stop();
      this.video = undefined;
      this.background?.pipeline.stop();
      this.background = undefined;
    }
    if (which.includes('microphone')) {
      this.stopMeter?.();
      this.stopMeter = undefined;
      this.audio?.stop();
      this.audio = undefined;
      this.level = 0;
    }
    // The preview element goes with its track (video is no reactive state of its own).
    this.requestUpdate();
  }
}

function failureOf(err: unknown): Problem {
  const name = err instanceof Error ? err.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'permission_denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no_device';
  if (name === 'NotReadableError') return 'in_use';
  return 'other';
}
