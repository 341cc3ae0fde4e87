import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { LocalizeController } from '../../../i18n/localize.js';
import { themeTokens } from '../../../theme/theme.js';
import { getConfig, onConfigChange } from '../../../config/config.js';
import {
  backgroundState, changeMediaSettings, mediaSettings, type BackgroundChoice, type BackgroundState, type MediaSettings,
} from '../../../session/media-settings.js';
import { backgroundSupport, type BackgroundSupport } from '../../../effects/background-support.js';
import { effectsStrings } from '../../i18n/effects.js';
import { stringsPending } from '../../../i18n/lazy-strings.js';

type SoundKey = 'noiseSuppression' | 'echoCancellation' | 'autoGainControl';
const SOUND: readonly SoundKey[] = ['noiseSuppression', 'echoCancellation', 'autoGainControl'];

/**
 * The person's sound switches ("Rauschunterdrückung", "Echounterdrückung", "Automatische
 * Lautstärke") and camera background ("Hintergrund": none, blur, the host's images), part of the
 * pre-join and the call's and conference's settings. The choice is remembered in this browser and
 * applies at once to the running call (and to the pre-join preview). Where the browser or page
 * cannot run a background, only a sentence saying so is shown.
 *
 * @csspart sound - The sound switches.
 * @csspart background - The background choice.
 *
 * @tag timio-media-effects
 */
export class TimioMediaEffects extends LitElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        display: grid;
        gap: 14px;
        font-family: var(--_font-family);
        font-size: 14px;
      }
      fieldset {
        display: grid;
        gap: 8px;
        margin: 0;
        padding: 0;
        border: 0;
        min-width: 0;
      }
      legend {
        padding: 0;
        margin-bottom: 8px;
        font-weight: 600;
      }
      label {
        display: flex;
        align-items: center;
        gap: 8px;
        cursor: pointer;
      }
      input {
        width: 18px;
        height: 18px;
        margin: 0;
        accent-color: var(--_primary);
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      .hint {
        margin: 0;
        font-size: 13px;
        opacity: 0.85;
      }
    `,
  ];

  @state() private settings: MediaSettings = mediaSettings.value;
  @state() private running: BackgroundState = backgroundState.value;
  @state() private support?: BackgroundSupport;
  private readonly localize = new LocalizeController(this);

  /** The first render in a language waits for its strings (i18n/lazy-strings.ts): no German flash on an English page. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = stringsPending(this.localize.t, effectsStrings);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  private readonly stops: Array<() => void> = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.stops.push(
      mediaSettings.subscribe((s) => (this.settings = s)),
      backgroundState.subscribe((s) => (this.running = s)),
      onConfigChange(() => this.requestUpdate()),
    );
    void backgroundSupport().then((s) => (this.support = s));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops.splice(0)) stop();
  }

  override render() {
    const t = effectsStrings(this.localize.t);
    const s = this.settings;
    const images = getConfig()?.backgrounds ?? [];
    const choices: Array<[BackgroundChoice, string]> = [
      ['none', t.none],
      ['blur', t.blur],
      ...images.map((img, i): [BackgroundChoice, string] => [`image:${img.url}`, img.label ?? t.image(i + 1)]),
    ];
    const chosen = choices.some(([c]) => c === s.background) ? s.background : 'none';
    const note = this.running === 'starting' || this.running === 'slow' || this.running === 'failed' ? t.state[this.running] : '';
    return html`<fieldset part="sound">
        <legend>${t.sound}</legend>
        ${SOUND.map((key) => html`<label>
          <input type="checkbox" role="switch" data-setting=${key} .checked=${s[key]} @change=${(e: Event) => changeMediaSettings({ [key]: (e.target as HTMLInputElement).checked })} />
          ${t[key]}
        </label>`)}
      </fieldset>
      ${this.support === undefined
        ? nothing
        : html`<fieldset part="background" class="background">
            <legend>${t.background}</legend>
            ${this.support === 'ok'
              ? html`<div class="choices" role="radiogroup">
                    ${choices.map(([value, label]) => html`<label>
                      <input type="radio" name="background" data-background=${value} .checked=${chosen === value} @change=${() => changeMediaSettings({ background: value })} />
                      ${label}
                    </label>`)}
                  </div>
                  <p class="hint state" role="status">${note}</p>`
              : html`<p class="hint unsupported" data-unsupported=${this.support}>${t.unsupported[this.support]}</p>`}
          </fieldset>`}`;
  }
}
