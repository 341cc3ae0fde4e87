import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { LocalizeController } from '../../../i18n/localize.js';
import type { SessionApi } from '../../../session/session-api.js';
import { StoreController, sessionContext } from '../../session-context.js';
import { icons } from '../../icons.js';
import { mediaProblemsStyles } from './media-problems.styles.js';
import { callWindowStrings } from '../../i18n/call-window.js';

/**
 * The session's media problems (camera or microphone denied, missing or in use; no screen to
 * share) and sound blocked by the browser, read from the session, as a polite live status. The
 * view places it where it covers no video (the call window: a row above the control bar).
 *
 * @csspart problems - The list of problems (empty while there are none).
 *
 * @tag timio-media-problems
 */
export class TimioMediaProblems extends LitElement {
  static override styles = mediaProblemsStyles;

  /** The room session, from the view that owns it (@lit/context). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionApi;

  private readonly localize = new LocalizeController(this);
  private readonly problems = new StoreController(this, () => this.session, (s) => s.problems);
  private readonly local = new StoreController(this, () => this.session, (s) => s.local);

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) {
      this.problems.sync();
      this.local.sync();
    }
  }

  override render() {
    const t = callWindowStrings(this.localize.t);
    const problems = this.problems.value ?? [];
    const blocked = !!this.local.value?.audioBlocked;
    // The live region stays while empty, so the first problem that comes is announced.
    return html`<div class="problems" part="problems" role="status" data-count=${problems.length + Number(blocked)}>${problems.map((p) =>
      html`<div class="problem" data-problem="${p.source}-${p.failure}">${icons.warning}<span>${t.problem[p.source][p.failure]}</span></div>`)}${blocked
      ? html`<div class="problem" data-problem="audio-blocked">${icons.speaker}<button class="text-button primary" @click=${() => this.session?.startAudio()}>${t.enableAudio}</button></div>`
      : nothing}</div>`;
  }
}
