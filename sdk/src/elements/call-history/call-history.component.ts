import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { HistoryEntry } from '#protocol/history.js';
import { LocalizeController } from '../../i18n/localize.js';
import { callBack, pageApi, pageConfigured } from './page-sdk.js';
import { fetchHistory } from '../../api/history.js';
import { historyStrings } from './i18n/index.js';
import { stringsPending } from '../../i18n/lazy-strings.js';
import { TimioHistorySelectEvent } from './history-events.js';
import { durationText, exactTime, whenText } from './history-time.js';
import { callHistoryStyles } from './call-history.styles.js';

/** The relative times ("vor 5 Minuten") are redrawn this often. */
const TICK_MS = 30_000;

/**
 * The signed-in person's call history as the token service keeps it (GET /v1/history): their 1:1
 * calls and room meetings, the same on every device, newest first. Each entry says who (a call's
 * other person with their video button, or a meeting's room and who called it), when (relative),
 * the direction, the outcome (answered, declined, busy, no answer, cancelled, failed, missed,
 * joined, …) and how long. It reloads itself when a call of this page ends or is missed and when
 * the page comes back into view; `refresh()` reloads it on the host's word. Registered by the
 * history entry (`timio-history.js`), which a journal page loads beside `timio.js`.
 *
 * @tag timio-call-history
 *
 * @event timio-history-select - An entry's name was chosen; cancelable (unless prevented, a call entry calls the person back). detail: `{entry}`.
 *
 * @csspart table - The table of entries.
 * @csspart row - Each entry's row (`data-kind`, `data-direction`, `data-outcome` say what it is).
 * @csspart name - The button with the person's or the room's name.
 * @csspart more - The "Ältere Einträge laden" button.
 * @csspart message - The loading, empty and error lines.
 *
 * @cssproperty --timio-call-history-missed-color - Missed, declined and failed outcomes (default: the danger colour).
 * @cssproperty --timio-color-primary - Names, focus rings.
 * @cssproperty --timio-color-border - Lines between entries.
 * @cssproperty --timio-color-muted - Secondary text.
 */
export class TimioCallHistory extends LitElement {
  static override styles = callHistoryStyles;

  /** Entries per page (1–200, default 50); older ones come with "Ältere Einträge laden". */
  @property({ type: Number }) limit = 50;

  @state() private entries: HistoryEntry[] = [];
  @state() private more = false;
  @state() private phase: 'loading' | 'ready' | 'failed' = 'loading';
  @state() private loadingMore = false;
  @state() private now = Date.now();

  private readonly localize = new LocalizeController(this);

  /** The first render in a language waits for its strings (i18n/lazy-strings.ts): no German flash on an English page. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = stringsPending(this.localize.t, historyStrings);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  private tick?: ReturnType<typeof setInterval>;
  /** The newest load: an older one that answers late is dropped. */
  private generation = 0;

  private readonly onCallOver = () => void this.refresh();
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('timio-call-ended', this.onCallOver);
    document.addEventListener('timio-call-missed', this.onCallOver);
    document.addEventListener('visibilitychange', this.onVisible);
    this.tick = setInterval(() => (this.now = Date.now()), TICK_MS);
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('timio-call-ended', this.onCallOver);
    document.removeEventListener('timio-call-missed', this.onCallOver);
    document.removeEventListener('visibilitychange', this.onVisible);
    clearInterval(this.tick);
  }

  /** Reads the newest entries again (e.g. after the host learnt of a call or meeting). */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      await pageConfigured();
      const page = await fetchHistory(pageApi(), { limit: this.pageSize });
      if (generation !== this.generation) return;
      this.entries = page.entries;
      this.more = page.more;
      this.phase = 'ready';
    } catch {
      if (generation === this.generation) this.phase = 'failed';
    }
    this.now = Date.now();
  }

  private get pageSize(): number {
    return Math.min(200, Math.max(1, Math.floor(this.limit) || 50));
  }

  private async loadMore(): Promise<void> {
    const last = this.entries.at(-1);
    if (!last || this.loadingMore) return;
    this.loadingMore = true;
    const generation = this.generation;
    try {
      const page = await fetchHistory(pageApi(), { limit: this.pageSize, before: last.at });
      if (generation !== this.generation) return;
      const known = new Set(this.entries.map((e) => e.id));
      this.entries = [...this.entries, ...page.entries.filter((e) => !known.has(e.id))];
      this.more = page.more;
    } catch {
      this.phase = 'failed';
    } finally {
      this.loadingMore = false;
    }
  }

  private select(entry: HistoryEntry): void {
    const event = new TimioHistorySelectEvent(entry);
    this.dispatchEvent(event);
    if (event.defaultPrevented || entry.kind !== 'call' || !entry.with) return;
    callBack(entry.with);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('limit') && changed.get('limit') !== undefined) void this.refresh();
  }

  override render() {
    const t = historyStrings(this.localize.t);
    if (this.phase === 'loading') return html`<p class="message" part="message" role="status">${t.loading}</p>`;
    if (this.phase === 'failed') {
      return html`<p class="message failed" part="message" role="alert">${t.failed}
        <button type="button" class="retry" @click=${() => { this.phase = 'loading'; void this.refresh(); }}>${t.retry}</button></p>`;
    }
    if (this.entries.length === 0) return html`<p class="message" part="message" role="status">${t.empty}</p>`;
    const lang = this.localize.t.locale;
    return html`
      <table part="table" aria-label=${t.label} role="table">
        <thead role="rowgroup"><tr role="row">
          <th scope="col" role="columnheader">${t.when}</th><th scope="col" role="columnheader">${t.who}</th>
          <th scope="col" role="columnheader">${t.direction}</th><th scope="col" role="columnheader">${t.outcome}</th>
          <th scope="col" role="columnheader">${t.duration}</th>
        </tr></thead>
        <tbody role="rowgroup">${this.entries.map((e) => this.row(e, t, lang))}</tbody>
      </table>
      ${this.more ? html`<button type="button" class="more" part="more" ?disabled=${this.loadingMore} @click=${() => void this.loadMore()}>${t.more}</button>` : nothing}`;
  }

  private row(e: HistoryEntry, t: ReturnType<typeof historyStrings>, lang: string) {
    const call = e.kind === 'call';
    const name = call ? (e.with?.name ?? e.with?.id ?? '') : (e.room?.name ?? e.room?.id ?? '');
    const bad = e.outcome === 'missed' || e.outcome === 'declined' || e.outcome === 'failed' || e.outcome === 'busy' || e.outcome === 'no_answer';
    // Explicit roles: on a narrow screen the rows are laid out as cards, which would drop them.
    return html`<tr role="row" part="row" data-entry=${e.id} data-kind=${e.kind} data-direction=${e.direction} data-outcome=${e.outcome}>
      <td role="cell" class="when"><time datetime=${e.at} title=${exactTime(e.at, lang)}>${whenText(e.at, this.now, lang)}</time></td>
      <td role="cell" class="who">
        <span class="who-line">
          <button type="button" class="name" part="name" aria-label=${call ? t.callBack(name) : t.openRoom(name)} @click=${() => this.select(e)}>${name}</button>
          ${call && e.with ? html`<timio-call-button contact=${e.with.id} name=${e.with.name}></timio-call-button>` : nothing}
        </span>
        ${!call && e.with ? html`<span class="by">${t.calledBy(e.with.name)}</span>` : nothing}
      </td>
      <td role="cell" class="direction">${call ? (e.direction === 'outgoing' ? t.outgoing : t.incoming) : t.meeting}</td>
      <td role="cell" class=${bad ? 'outcome bad' : 'outcome'}>${t.outcomes[e.outcome] ?? e.outcome}</td>
      <td role="cell" class="duration">${typeof e.durationSeconds === 'number' ? durationText(e.durationSeconds) : '–'}</td>
    </tr>`;
  }
}
