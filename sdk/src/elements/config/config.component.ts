import { LitElement, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { configure, type BackgroundList, type TimioOptions } from '../../config/config.js';

/**
 * Configures TIMIO on the page from HTML, instead of calling `timio.configure()`:
 * `<timio-config token-service-url="…" portal-token-url="/api/portal-token" locale="de">`.
 * It renders nothing. Changing an attribute updates the configuration.
 *
 * @tag timio-config
 */
export class TimioConfigElement extends LitElement {
  static override styles = css`
    :host {
      display: none;
    }
  `;

  /** Base URL of the token service. */
  @property({ attribute: 'token-service-url' }) tokenServiceUrl?: string;
  /** Same-origin URL that returns the portal token for the signed-in user. */
  @property({ attribute: 'portal-token-url' }) portalTokenUrl?: string;
  /** UI language (`de`, `en`); default: the page's `lang`. */
  @property() locale?: string;
  /** `light` or `dark`. */
  @property() theme?: 'light' | 'dark';
  /** Folder URL of the camera-background files; default: `effects/` beside the SDK's `chunks/`. */
  @property({ attribute: 'effects-url' }) effectsUrl?: string;
  /**
   * The company's background images, space-separated URLs (attribute), or a list of URLs or
   * `{url, label}` (property).
   */
  @property({ converter: (value) => value?.split(/\s+/).filter(Boolean) }) backgrounds?: BackgroundList;

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.tokenServiceUrl) {
      console.warn('[timio] <timio-config> needs a token-service-url attribute');
      return;
    }
    // Only what this element's attributes changed, so it does not undo what a script configured.
    const options: Partial<TimioOptions> = { tokenServiceUrl: this.tokenServiceUrl };
    if (changed.has('portalTokenUrl')) options.portalTokenUrl = this.portalTokenUrl;
    if (changed.has('locale')) options.locale = this.locale;
    if (changed.has('effectsUrl')) options.effectsUrl = this.effectsUrl;
    if (changed.has('backgrounds')) options.backgrounds = this.backgrounds;
    if (changed.has('theme')) options.theme = this.theme === 'dark' || this.theme === 'light' ? this.theme : undefined;
    try {
      configure(options);
    } catch (err) {
      console.error(`[timio] <timio-config>: ${(err as Error).message}`);
    }
  }

  override render() {
    return null;
  }
}
