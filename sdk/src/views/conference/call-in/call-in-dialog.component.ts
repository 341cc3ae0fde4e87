import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ColleagueSearchAnswer } from '#protocol/rest.js';
import { LocalizeController } from '../../../i18n/localize.js';
import { colleagueSearch, ringColleagues, type CallInPort } from './call-in-api.js';
import { callInStrings } from './i18n.js';
import { callInDialogStyles } from './call-in-dialog.styles.js';

type Colleague = ColleagueSearchAnswer['users'][number];

/** Typing settles this long before the search asks the service (its per-address limit counts every request). */
export const SEARCH_DELAY_MS = 300;

/** The focused element, inside shadow roots too: where the focus goes back when the dialog closes. */
function focusedElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}

/**
 * "Kollegen hinzurufen": search the colleagues the token service's directory knows, with their
 * presence (only those signed in and not busy can be picked, as in the contact menu), pick one or
 * more, and ring them into this meeting. Their pages show the meeting's invitation ("Teilnehmen");
 * who comes appears among the participants, and a decline, no answer or busy comes back as a
 * notice of the conference. A modal dialog: Escape closes it, focus returns to what opened it.
 * Loaded on demand (its own chunk) by the participants panel.
 *
 * @tag timio-call-in-dialog
 *
 * @csspart dialog - The dialog box.
 * @csspart results - The list of colleagues found.
 * @cssproperty --timio-color-primary - The ring button and focus rings.
 * @cssproperty --timio-call-panel - The dialog's background.
 * @cssproperty --timio-call-color - Text colour.
 * @cssproperty --timio-call-muted-color - Hints, presence and those who cannot be picked.
 * @cssproperty --timio-call-control - Field and secondary button background.
 * @cssproperty --timio-call-backdrop - What covers the meeting behind the dialog.
 */
export class TimioCallInDialog extends LitElement {
  static override styles = callInDialogStyles;

  /** What the dialog needs from the conference (set by the participants panel). */
  @property({ attribute: false }) port?: CallInPort;

  @state() private results: Colleague[] = [];
  /** The results are for a query (the count is announced); false before the first one. */
  @state() private searched = false;
  @state() private picked = new Map<string, Colleague>();
  @state() private status = '';
  @state() private problem = '';
  @state() private ringing = false;
  // Looked up, not @query: that decorator would be shared with the conference's chunk as a chunk of its own.
  private get dialog(): HTMLDialogElement { return this.renderRoot.querySelector('dialog')!; }
  private get field(): HTMLInputElement { return this.renderRoot.querySelector('input[type=search]')!; }

  private readonly localize = new LocalizeController(this);
  private opener?: HTMLElement | null;
  private timer?: ReturnType<typeof setTimeout>;
  /** Answers of older searches that come late are dropped. */
  private asked = 0;

  /** Opens the dialog with an empty search. */
  async show(): Promise<void> {
    this.port?.prepare?.();
    this.opener = focusedElement();
    this.results = [];
    this.searched = false;
    this.picked = new Map();
    this.status = this.problem = '';
    await this.updateComplete;
    this.field.value = '';
    if (!this.dialog.open) this.dialog.showModal();
    this.field.focus();
  }

  /** Closes the dialog; focus goes back to what opened it. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private onClose = (): void => {
    clearTimeout(this.timer);
    this.opener?.focus?.();
  };

  private onInput = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), SEARCH_DELAY_MS);
  };

  private async search(): Promise<void> {
    const query = this.field.value.trim();
    const mine = ++this.asked;
    this.problem = '';
    if (!query) {
      this.results = [];
      this.searched = false;
      return;
    }
    try {
      const found = this.port ? await colleagueSearch(this.port, query.slice(0, 64)) : [];
      if (mine !== this.asked) return;
      this.results = found;
      this.searched = true;
    } catch (err) {
      if (mine === this.asked) this.fail(err);
    }
  }

  private toggle(user: Colleague, on: boolean): void {
    const next = new Map(this.picked);
    if (on) next.set(user.id, user);
    else next.delete(user.id);
    this.picked = next;
  }

  private unpick(user: Colleague): void {
    this.toggle(user, false);
    // The chip goes away with the focus on it: back to the search.
    this.field.focus();
  }

  private async ring(): Promise<void> {
    if (!this.port || this.picked.size === 0) return;
    const t = callInStrings(this.localize.t.locale);
    this.ringing = true;
    this.problem = this.status = '';
    try {
      const answer = await ringColleagues(this.port, [...this.picked.keys()]);
      this.status = answer.rung.map((r) => t.said[r.outcome](r.name)).join('\n');
      this.picked = new Map();
    } catch (err) {
      this.fail(err);
    } finally {
      this.ringing = false;
    }
  }

  private fail(err: unknown): void {
    const t = callInStrings(this.localize.t.locale);
    const code = (err as { code?: string } | null)?.code;
    this.problem = code === 'not_configured' ? t.unavailable : code === 'rate_limited' ? t.tooMany : t.failed;
  }

  override render() {
    const t = callInStrings(this.localize.t.locale, !!this.port?.call);
    const picked = [...this.picked.values()];
    // Escape closes the dialog only, not the panel around it.
    return html`<dialog part="dialog" aria-labelledby="call-in-title" @close=${this.onClose} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && e.stopPropagation()}>
      <div class="head"><h2 id="call-in-title">${t.title}</h2>
        <button type="button" class="close" @click=${() => this.close()}>${t.close}</button></div>
      <label class="search">${t.searchLabel}<input type="search" autocomplete="off" spellcheck="false" maxlength="64" aria-describedby="call-in-hint" @input=${this.onInput} /></label>
      <p id="call-in-hint" class="hint">${t.searchHint}</p>
      <p class="sr-only" role="status">${this.searched ? t.found(this.results.length) : ''}</p>
      ${this.searched && this.results.length === 0 ? html`<p class="hint none">${t.found(0)}</p>` : nothing}
      <ul part="results" aria-label=${t.title}>${this.results.map((u) => this.row(u, t.presence[u.status]))}</ul>
      ${picked.length > 0 ? html`<div class="picked" role="group" aria-label=${t.picked}><span>${t.picked}:</span>${picked.map((u) => html`<button type="button" class="unpick" aria-label=${t.unpick(u.name)} @click=${() => this.unpick(u)}>${u.name} ×</button>`)}</div>` : nothing}
      <div class="actions"><button type="button" class="ring" ?disabled=${picked.length === 0 || this.ringing} @click=${() => void this.ring()}>${t.ring(picked.length)}</button></div>
      <p class="status" role="status">${this.status}</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
    </dialog>`;
  }

  private row(u: Colleague, presence: string) {
    // Signed in and free, as the contact menu's "Videocall starten": the others are shown, not picked.
    const callable = u.status === 'online';
    return html`<li data-id=${u.id}><label class=${callable ? '' : 'off'}>
      <input type="checkbox" .checked=${this.picked.has(u.id)} ?disabled=${!callable} @change=${(e: Event) => this.toggle(u, (e.target as HTMLInputElement).checked)} />
      <span class="name">${u.name}</span><span class="presence"><span class="dot ${u.status}" aria-hidden="true"></span>${presence}</span>
    </label></li>`;
  }
}
