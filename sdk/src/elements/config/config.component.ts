import { LitElement, css } from 'lit';
import { property } from 'lit/decorators.js';
import { configure, type TimioOptions } from '../../config/config.js';

/**
 * Configures TIMIO on the page from HTML, instead of calling `timio.configure()`:
 * `<timio-config token-service-url="…" portal-token-url="/api/portal-token" locale="de">`.
 * It renders nothing. Changing an attribute updates the configuration.
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

  protected override updated(): void {
    if (!this.tokenServiceUrl) {
      console.warn('[timio] <timio-config> needs a token-service-url attribute');
      return;
    }
    const options: Partial<TimioOptions> = { tokenServiceUrl: this.tokenServiceUrl, portalTokenUrl: this.portalTokenUrl, locale: this.locale };
    if (this.theme === 'light' || this.theme === 'dark') options.theme = this.theme;
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
