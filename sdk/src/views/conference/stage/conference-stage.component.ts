import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { styleMap } from 'lit/directives/style-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../../i18n/localize.js';
import type { SessionApi } from '../../../session/session-api.js';
import { speakerLayout, tilePage } from '../../../session/layout.js';
import { StoreController, sessionContext } from '../../session-context.js';
import { orderTiles, stageTile, visibleVideos, type StageTile } from './stage-plan.js';
import { stageStyles } from './conference-stage.styles.js';
import { conferenceStrings } from '../i18n/index.js';

/**
 * The conference's picture area: the tile view ("Kachelansicht") in pages of at most `per-page`
 * tiles with page buttons, or the speaker view (a shared screen or the active speaker on the
 * stage, the others in a strip). Tells the session which videos are on screen and how large, so
 * only those are received.
 *
 * @csspart tiles - The grid of the tile view.
 * @csspart pager - The page buttons.
 * @csspart stage - The speaker view's stage.
 *
 * @tag timio-conference-stage
 */
export class TimioConferenceStage extends LitElement {
  static override styles = stageStyles;

  /** `tiles` (pages of tiles) or `speaker` (stage and strip). */
  @property() layout: 'tiles' | 'speaker' = 'tiles';
  /** Tiles per page (default 9 = 3×3). */
  @property({ type: Number, attribute: 'per-page' }) perPage = 9;
  /** Hides the own tile. */
  @property({ type: Boolean, attribute: 'hide-self' }) hideSelf = false;
  /** Shows the own video mirrored. */
  @property({ type: Boolean, attribute: 'mirror-self' }) mirrorSelf = true;

  /** The room session, from the conference that owns it (@lit/context). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionApi;

  @state() private page = 0;
  @state() private box = { width: 0, height: 0 };
  private readonly people = new StoreController(this, () => this.session, (s) => s.participants);
  private readonly localize = new LocalizeController(this);
  private placed: string[] = [];
  private shownKey = '';
  private resize?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(([entry]) => {
      if (entry) this.box = { width: entry.contentRect.width, height: entry.contentRect.height };
    });
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) this.people.sync();
  }

  override render() {
    return this.layout === 'speaker' ? this.renderSpeaker() : this.renderTiles();
  }

  private renderTiles() {
    const t = conferenceStrings(this.localize.t);
    const per = Math.max(1, Math.floor(this.perPage) || 9);
    const tiles = orderTiles(this.people.value ?? [], this.placed, per, this.hideSelf);
    this.placed = tiles.map((x) => x.key);
    const pagerHeight = tiles.length > per ? 52 : 0;
    const view = tilePage(tiles, this.page, { width: this.box.width, height: Math.max(0, this.box.height - pagerHeight) }, per);
    if (view.page !== this.page) this.page = view.page;
    const { grid } = view;
    this.report(view.tiles.map((tile) => ({ tile, width: grid.tileWidth, height: grid.tileHeight })));
    const style = { gridTemplateColumns: `repeat(${grid.columns}, ${grid.tileWidth}px)`, gridAutoRows: `${grid.tileHeight}px` };
    return html`<div class="tiles" part="tiles" role="list" aria-label=${t.tiles} style=${styleMap(style)}>
        ${repeat(view.tiles, (x) => x.key, (x) => this.tile(x))}
      </div>
      ${view.pages > 1
        ? html`<nav class="pager" part="pager" aria-label=${t.page(view.page + 1, view.pages)}>
            <button class="icon-button prev" aria-label=${t.previousPage} title=${t.previousPage} ?disabled=${view.page === 0} @click=${() => (this.page = view.page - 1)}>‹</button>
            <span aria-live="polite">${t.page(view.page + 1, view.pages)}</span>
            <button class="icon-button next" aria-label=${t.nextPage} title=${t.nextPage} ?disabled=${view.page >= view.pages - 1} @click=${() => (this.page = view.page + 1)}>›</button>
          </nav>`
        : nothing}`;
  }

  private renderSpeaker() {
    const t = conferenceStrings(this.localize.t);
    const people = (this.people.value ?? []).filter((p) => !(this.hideSelf && p.isLocal));
    const main = stageTile(people);
    const others = orderTiles(people, this.placed, 6, false).filter((x) => x.key !== main?.key && x.source === 'camera');
    const layout = speakerLayout(others.length + 1, this.box);
    const strip = others.slice(0, layout.strip.tiles);
    this.report([
      ...(main ? [{ tile: main, ...layout.stage }] : []),
      ...strip.map((tile) => ({ tile, width: layout.strip.tileWidth, height: layout.strip.tileHeight })),
    ]);
    const stripStyle = { flexDirection: layout.strip.direction, '--_tile-w': `${layout.strip.tileWidth}px`, '--_tile-h': `${layout.strip.tileHeight}px` };
    return html`<div class="speaker ${layout.strip.direction}">
      <div class="stage" part="stage" role="region" aria-label=${t.stage}>${main ? this.tile(main, true) : nothing}</div>
      ${strip.length ? html`<div class="strip" role="list" aria-label=${t.tiles} style=${styleMap(stripStyle)}>${repeat(strip, (x) => x.key, (x) => this.tile(x))}</div>` : nothing}
    </div>`;
  }

  private tile(x: StageTile, onStage = false) {
    const p = x.participant;
    return html`<timio-video-tile role=${onStage ? nothing : 'listitem'} class="tile ${x.source}" data-key=${x.key} source=${x.source} named
      ?mirror=${p.isLocal && x.source === 'camera' && this.mirrorSelf} ?compact=${!onStage} .participant=${p}></timio-video-tile>`;
  }

  /** Tells the session what is on screen (only when that changes, in 32 px steps). */
  private report(shown: Array<{ tile: StageTile; width: number; height: number }>): void {
    if (!this.session || !this.box.width) return;
    const videos = visibleVideos(shown);
    const key = JSON.stringify(videos.map((v) => [v.identity, v.source, Math.round(v.width / 32), Math.round(v.height / 32)]));
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.session.showVideos(videos);
  }
}
