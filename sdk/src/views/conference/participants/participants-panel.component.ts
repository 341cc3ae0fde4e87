import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../../i18n/localize.js';
import type { SessionApi } from '../../../session/session-api.js';
import type { ParticipantState } from '../../../session/types.js';
import { StoreController, sessionContext } from '../../session-context.js';
import { icons } from '../../icons.js';
import { initials } from '../../../elements/shared/initials.js';
import { TimioPanelCloseEvent } from '../panel-close.js';
import { TimioModerateEvent } from './moderate-event.js';
import { participantsPanelStyles } from './participants-panel.styles.js';
import type { InviteApi } from '../invite/invite-api.js';
import type { TimioInviteDialog } from '../invite/invite-dialog.component.js';
import type { CallInPort } from '../call-in/call-in-api.js';
import { conferenceStrings } from '../i18n/index.js';
import { mediaStrings } from '../../i18n/media.js';

/** Raised hands first by the time they went up, then everyone else in join order. */
export function listOrder(people: readonly ParticipantState[]): ParticipantState[] {
  const hands = people.filter((p) => p.handRaisedAt).sort((a, b) => a.handRaisedAt!.localeCompare(b.handRaisedAt!));
  const rest = people.filter((p) => !p.handRaisedAt).sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.joinedAt - b.joinedAt);
  return [...hands, ...rest];
}

/**
 * "Anwesende Teilnehmer": everyone present with microphone, camera and hand state, moderators and
 * guests marked; for a moderator also mute, mute everyone else, lower a hand, remove, and
 * "Person einladen" (the invite dialog) when the conference has the room's invites; for every
 * employee "Kollegen hinzurufen" (its dialog is a chunk of its own, loaded on the first press).
 *
 * @event timio-moderate - detail: `{action: 'mute' | 'mute-all' | 'lower-hand' | 'remove', identity?}`.
 * @event timio-panel-close - Close button or Escape.
 * @csspart list - The list of participants.
 *
 * @tag timio-participants-panel
 */
export class TimioParticipantsPanel extends LitElement {
  static override styles = participantsPanelStyles;

  /** This person moderates: show the moderator actions. */
  @property({ type: Boolean }) moderator = false;
  /** The room's invites: a moderator gets "Person einladen". */
  @property({ attribute: false }) invites?: InviteApi;
  /** The meeting's default title in the invite dialog. */
  @property({ attribute: 'room-name' }) roomName = '';
  /** Guests (identities) whose name reads like a room member's: marked for the moderator. */
  @property({ attribute: false }) resembling: ReadonlySet<string> = new Set();
  /** "Kollegen hinzurufen" (not for guests): what its dialog needs from the conference. */
  @property({ attribute: false }) callIn?: CallInPort;
  /** The chat room's address for colleagues (from the conference's `room-url`). */
  @property({ attribute: 'room-url' }) roomUrl = '';

  /** The room session, from the conference that owns it (@lit/context). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionApi;

  @state() private confirming?: string;
  /** "Kollegen hinzurufen" was pressed: its dialog (loaded then) is in the panel. */
  @state() private callingIn = false;
  /** The invite dialog is rendered (and its chunk loaded) from the first press of "Person einladen" on. */
  @state() private inviting = false;
  private readonly people = new StoreController(this, () => this.session, (s) => s.participants);
  private readonly localize = new LocalizeController(this);

  /** Moves focus into the list. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) this.people.sync();
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('confirming')) return;
    const was = changed.get('confirming') as string | undefined;
    if (this.confirming) {
      // The row grows by the question: for the last ones of a long list it would open below the
      // list's visible end. It scrolls into view and takes the focus on its safe choice.
      const confirm = this.renderRoot.querySelector<HTMLElement>('.confirm');
      confirm?.scrollIntoView({ block: 'nearest' });
      confirm?.querySelector<HTMLButtonElement>('.link')?.focus({ preventScroll: true });
    } else if (was) {
      // Cancelled (or the person left): the focus goes back to that row's "Entfernen", if it is still there.
      this.renderRoot.querySelector<HTMLButtonElement>(`.person[data-identity="${CSS.escape(was)}"] .remove`)?.focus();
    }
  }

  override render() {
    const t = conferenceStrings(this.localize.t);
    const people = listOrder(this.people.value ?? []);
    return html`<section aria-labelledby="people-title" @keydown=${this.onKeydown}>
      <div class="panel-head">
        <h2 id="people-title">${t.participantsTitle(people.length)}</h2>
        <button class="icon-button close" aria-label=${t.close} title=${t.close} @click=${() => this.dispatchEvent(new TimioPanelCloseEvent())}>${icons.close}</button>
      </div>
      <div class="add">${this.moderator && this.invites ? html`<button class="secondary invite" @click=${this.openInvite}>${t.invite.open}</button>` : nothing}${
        this.callIn ? html`<button class="secondary call-in" @click=${this.openCallIn}>${t.callIn}</button>` : nothing}</div>
      ${this.moderator && this.invites && this.inviting ? html`<timio-invite-dialog running .api=${this.invites} room-name=${this.roomName} room-url=${this.roomUrl}></timio-invite-dialog>` : nothing}
      ${this.callingIn ? html`<timio-call-in-dialog .port=${this.callIn}></timio-call-in-dialog>` : nothing}
      ${this.moderator && people.length > 1 ? html`<button class="secondary mute-all" @click=${() => this.moderate('mute-all')}>${icons.micOff}<span>${t.muteAll}</span></button>` : nothing}
      <ul class="people" part="list">${repeat(people, (p) => p.identity, (p) => this.row(p))}</ul>
    </section>`;
  }

  private row(p: ParticipantState) {
    const t = conferenceStrings(this.localize.t);
    const m = mediaStrings(this.localize.t);
    const micOn = !!p.microphone && !p.microphone.muted;
    const camOn = !!p.camera && !p.camera.muted;
    const state = (on: boolean, onIcon: unknown, offIcon: unknown, offText: string, key: string) =>
      html`<span class="state ${on ? '' : 'off'}" data-state=${`${key}-${on ? 'on' : 'off'}`} title=${on ? '' : offText}>${on ? onIcon : offIcon}<span class="sr-only">${on ? '' : offText}</span></span>`;
    const others = this.moderator && !p.isLocal;
    return html`<li class="person" data-identity=${p.identity}>
      <div class="line">
        <span class="avatar" aria-hidden="true">${initials(p.name)}</span>
        <span class="who"><span class="name">${p.isLocal ? m.self(p.name) : p.name}</span>
          ${p.moderator ? html`<span class="tag" data-badge="moderator">${m.moderator}</span>` : nothing}
          ${p.guest ? html`<span class="tag" data-badge="guest">${m.guest}</span>` : nothing}
          ${p.guest && this.resembling.has(p.identity) ? html`<span class="tag warn" data-badge="resembles" title=${t.invite.resemblesMember}>${t.invite.resemblesTag}</span>` : nothing}
          ${p.quality === 'lost' ? html`<span class="tag gone" data-badge="lost">${m.quality.lost}</span>` : nothing}</span>
        ${p.handRaisedAt ? html`<span class="state hand" data-state="hand" title=${m.handRaised}>${icons.hand}<span class="sr-only">${m.handRaised}</span></span>` : nothing}
        ${state(micOn, icons.mic, icons.micOff, m.micMuted, 'mic')}
        ${state(camOn, icons.camera, icons.cameraOff, m.cameraOff, 'camera')}
      </div>
      ${others || (this.moderator && p.handRaisedAt)
        ? html`<div class="actions">
            ${others && micOn ? html`<button class="secondary mute" @click=${() => this.moderate('mute', p.identity)}>${t.muteShort}<span class="sr-only"> – ${p.name}</span></button>` : nothing}
            ${p.handRaisedAt ? html`<button class="secondary lower" @click=${() => this.moderate('lower-hand', p.identity)}>${t.lowerHandShort}<span class="sr-only"> – ${p.name}</span></button>` : nothing}
            ${others ? this.removeButton(p) : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  /** Removing someone asks once more, in place. */
  private removeButton(p: ParticipantState) {
    const t = conferenceStrings(this.localize.t);
    if (this.confirming !== p.identity) return html`<button class="secondary remove" @click=${() => (this.confirming = p.identity)}>${t.removeShort}<span class="sr-only"> – ${p.name}</span></button>`;
    return html`<span class="confirm" role="group" aria-label=${t.removeConfirm(p.name)}><span>${t.removeConfirm(p.name)}</span>
      <button class="danger confirm-remove" @click=${() => ((this.confirming = undefined), this.moderate('remove', p.identity))}>${t.removeShort}<span class="sr-only"> – ${p.name}</span></button>
      <button class="link" @click=${() => (this.confirming = undefined)}>${t.cancel}</button></span>`;
  }

  private openInvite = async (): Promise<void> => {
    await import('../invite/invite-dialog.js');
    this.inviting = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<TimioInviteDialog>('timio-invite-dialog')?.show();
  };

  private openCallIn = async (): Promise<void> => {
    await import('../call-in/call-in-dialog.js');
    this.callingIn = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<HTMLElement & { show(): Promise<void> }>('timio-call-in-dialog')?.show();
  };

  private moderate(action: TimioModerateEvent['detail']['action'], identity?: string): void {
    this.dispatchEvent(new TimioModerateEvent(action, identity));
  }

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    if (this.confirming) this.confirming = undefined;
    else this.dispatchEvent(new TimioPanelCloseEvent());
  };
}
