import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { CreatedInvite, OpenInvite } from '#protocol/rest.js';
import { LocalizeController } from '../../../i18n/localize.js';
import { stringsPending } from '../../../i18n/lazy-strings.js';
import { conferenceStrings } from '../i18n/index.js';
import type { InviteApi } from './invite-api.js';
import { inviteDialogStyles } from './invite-dialog.styles.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** Today's date and the current time as the date and time fields want them (local time). */
function nowFields(now = new Date()): { date: string; time: string } {
  return { date: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, time: `${pad(now.getHours())}:${pad(now.getMinutes())}` };
}

/**
 * "Person einladen" (moderators). For the meeting that runs ("Jetzt, in diese Besprechung", the
 * default while `running`): only the guest's name, e-mail and the invitation's language; the link
 * is valid from now. For a meeting later: the appointment (title, date, time, duration). Then the chat room's
 * link for colleagues (when the host gives it), and one guest link per external person (who may
 * be set to wait until a moderator lets them in) with
 * "Link kopieren" (a selected, visible link where the clipboard is refused), "Per E-Mail senden"
 * (mailto in the inviter's language) and "Kalendereintrag" (.ics fetched with this person's
 * credentials); below, the room's open invites, each can be withdrawn. A modal dialog: Escape
 * closes it, focus returns to what opened it.
 *
 * @tag timio-invite-dialog
 *
 * @csspart dialog - The dialog box.
 * @csspart link - The field showing a link (selectable).
 * @csspart invites - The list of open invites.
 * @cssproperty --timio-color-primary - Buttons and focus rings.
 * @cssproperty --timio-call-panel - The dialog's background (the meeting's dark look).
 * @cssproperty --timio-call-color - Text colour.
 * @cssproperty --timio-call-muted-color - Hints and secondary text.
 * @cssproperty --timio-call-control - Field and secondary button background.
 * @cssproperty --timio-call-backdrop - What covers the meeting behind the dialog.
 */
export class TimioInviteDialog extends LitElement {
  static override styles = inviteDialogStyles;

  /** The token-service calls the dialog makes with the moderator's credentials (set by the conference). */
  @property({ attribute: false }) api?: InviteApi;
  /** The meeting's default title (the room's name). */
  @property({ attribute: 'room-name' }) roomName = '';
  /** The chat room's address for colleagues; without it that choice is not shown. */
  @property({ attribute: 'room-url' }) roomUrl = '';
  /** The meeting runs (the conference opens the dialog): a guest link for now needs no appointment. */
  @property({ type: Boolean }) running = false;

  @state() private created?: CreatedInvite;
  @state() private invites: OpenInvite[] = [];
  @state() private status = '';
  @state() private problem = '';
  @state() private busy = false;
  @state() private fallback = '';
  /** For the running meeting, or for an appointment later. */
  @state() private when: 'now' | 'later' = 'later';
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly localize = new LocalizeController(this);

  /** Its own chunk may render before the conference's strings for the page's language arrived: it waits for them. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = stringsPending(this.localize.t, conferenceStrings);
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  private opener?: HTMLElement | null;
  private fields = nowFields();

  /** Opens the dialog and loads the open invites. */
  async show(): Promise<void> {
    this.opener = (document.activeElement as HTMLElement | null) ?? null;
    this.fields = nowFields();
    this.when = this.running ? 'now' : 'later';
    this.created = undefined;
    this.status = this.problem = this.fallback = '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.dialog.querySelector<HTMLInputElement>('input')?.focus();
    await this.reload();
  }

  /** Closes the dialog (the open invites stay as they are). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private onClose = (): void => {
    this.opener?.focus?.();
  };

  private async reload(): Promise<void> {
    try {
      this.invites = (await this.api?.open()) ?? [];
    } catch {
      this.problem = this.localize.t.errors.fallback;
    }
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const t = this.localize.t;
    this.busy = true;
    this.problem = this.status = this.fallback = '';
    try {
      // Now: the running meeting, valid from this moment; later: the appointment from the fields.
      const later = this.when === 'later';
      const startsAt = later ? new Date(`${value('date')}T${value('time')}`) : new Date();
      this.created = await this.api!.create({
        title: (later && value('title')) || this.roomName,
        startsAt: startsAt.toISOString(),
        durationMinutes: (later && Number(value('duration'))) || 60,
        guestName: value('guestName'),
        ...(value('email') ? { email: value('email') } : {}),
        ...(data.get('waitingRoom') ? { waitingRoom: true } : {}),
        lang: value('lang') === 'en' ? 'en' : 'de',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      this.status = conferenceStrings(t).invite.created(value('guestName'));
      (form.elements.namedItem('guestName') as HTMLInputElement).value = '';
      (form.elements.namedItem('email') as HTMLInputElement).value = '';
      (form.elements.namedItem('waitingRoom') as HTMLInputElement).checked = false;
      await this.reload();
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'fallback';
      this.problem = t.errors[code] ?? t.errors.fallback;
    } finally {
      this.busy = false;
    }
  }

  private async copy(url: string): Promise<void> {
    const t = conferenceStrings(this.localize.t).invite;
    try {
      await navigator.clipboard.writeText(url);
      this.fallback = '';
      this.status = t.copied;
    } catch {
      // The clipboard was refused: show the link selected, so Ctrl+C copies it.
      this.fallback = url;
      this.status = t.copyFailed;
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('input.fallback');
      field?.focus();
      field?.select();
    }
  }

  private async download(invite: OpenInvite): Promise<void> {
    try {
      const ics = await this.api!.calendar(invite.id);
      const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${invite.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'invite'}.ics`;
      this.renderRoot.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (err) {
      const t = this.localize.t;
      this.problem = t.errors[(err as { code?: string }).code ?? 'fallback'] ?? t.errors.fallback;
    }
  }

  private async revoke(invite: OpenInvite): Promise<void> {
    try {
      await this.api!.revoke(invite.id);
      if (this.created?.id === invite.id) this.created = undefined;
      this.status = conferenceStrings(this.localize.t).invite.revoked;
      await this.reload();
    } catch (err) {
      const t = this.localize.t;
      this.problem = t.errors[(err as { code?: string }).code ?? 'fallback'] ?? t.errors.fallback;
    }
  }

  private actions(invite: OpenInvite) {
    const t = conferenceStrings(this.localize.t).invite;
    const who = invite.guestName ?? invite.title;
    return html`<div class="actions">
      <button type="button" class="copy" @click=${() => this.copy(invite.url)}>${t.copy}<span class="sr-only"> – ${who}</span></button>
      <a class="button mail" href=${invite.mailto}>${t.mail}<span class="sr-only"> – ${who}</span></a>
      <button type="button" class="ics" @click=${() => this.download(invite)}>${t.calendar}<span class="sr-only"> – ${who}</span></button>
    </div>`;
  }

  override render() {
    const t = conferenceStrings(this.localize.t).invite;
    const when = (iso: string) => new Intl.DateTimeFormat(this.localize.t.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    // Escape closes the dialog only, not the panel around it.
    return html`<dialog part="dialog" aria-labelledby="invite-title" @close=${this.onClose} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && e.stopPropagation()}>
      <div class="head"><h2 id="invite-title">${t.title}</h2>
        <button type="button" class="close" @click=${() => this.close()}>${t.close}</button></div>
      <form @submit=${this.create}>
        <fieldset class="when"><legend>${t.when}</legend>
          <label class="check"><input type="radio" name="when" value="now" .checked=${this.when === 'now'} @change=${() => (this.when = 'now')} />${t.now}</label>
          <label class="check"><input type="radio" name="when" value="later" .checked=${this.when === 'later'} @change=${() => (this.when = 'later')} />${t.later}</label>
        </fieldset>
        ${this.when === 'later' ? html`<label>${t.meetingTitle}<input name="title" .value=${this.roomName} maxlength="200" /></label>
        <div class="row">
          <label>${t.date}<input name="date" type="date" required .value=${this.fields.date} /></label>
          <label>${t.time}<input name="time" type="time" required .value=${this.fields.time} /></label>
          <label>${t.duration}<input name="duration" type="number" min="5" max="1440" step="5" required .value=${'60'} /></label>
        </div>` : html`<p class="hint">${t.nowHint}</p>`}
        ${this.roomUrl ? html`<fieldset class="colleagues"><legend>${t.colleagues}</legend>
          <p class="hint">${t.colleaguesHint}</p>
          <input class="link" part="link" readonly aria-label=${`${t.linkLabel} – ${t.colleagues}`} .value=${this.roomUrl} />
          <button type="button" class="copy-room" @click=${() => this.copy(this.roomUrl)}>${t.copy}<span class="sr-only"> – ${t.colleagues}</span></button>
        </fieldset>` : nothing}
        <fieldset><legend>${t.guests}</legend>
          <label>${t.guestName}<input name="guestName" required maxlength="64" autocomplete="off" /></label>
          <label>${t.email}<input name="email" type="email" maxlength="254" aria-describedby="email-hint" autocomplete="off" /></label>
          <p id="email-hint" class="hint">${t.emailHint}</p>
          <label>${t.language}<select name="lang">
            <option value="de" ?selected=${this.localize.t.locale.toLowerCase().startsWith('de')}>Deutsch</option>
            <option value="en" ?selected=${!this.localize.t.locale.toLowerCase().startsWith('de')}>English</option>
          </select></label>
          <label class="check"><input name="waitingRoom" type="checkbox" />${t.waitingRoom}</label>
          <button type="submit" class="create" ?disabled=${this.busy}>${this.busy ? t.creating : t.create}</button>
        </fieldset>
      </form>
      <p class="status" role="status">${this.status}</p>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.fallback ? html`<input class="link fallback" part="link" readonly aria-label=${t.linkLabel} .value=${this.fallback} />` : nothing}
      ${this.created ? html`<div class="created">
        <input class="link" part="link" readonly aria-label=${`${t.linkLabel} – ${this.created.guestName ?? ''}`} .value=${this.created.url} /></div>` : nothing}
      <h3>${t.openInvites}</h3>
      ${this.invites.length === 0 ? html`<p class="hint">${t.none}</p>` : html`<ul part="invites">${this.invites.map((i) => html`<li data-invite=${i.id} class=${i.id === this.created?.id ? 'new' : ''}>
        <span class="who">${i.guestName ?? i.title}</span> <span class="hint">${i.title} · ${when(i.startsAt)}</span>
        ${this.actions(i)}
        <button type="button" class="revoke" @click=${() => this.revoke(i)}>${t.revoke}<span class="sr-only"> – ${i.guestName ?? i.title}</span></button>
      </li>`)}</ul>`}
    </dialog>`;
  }
}
