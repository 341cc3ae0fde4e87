import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../../i18n/localize.js';
import type { SessionApi } from '../../../session/session-api.js';
import { CHAT_MAX_CHARS } from '../../../session/chat.js';
import { StoreController, sessionContext } from '../../session-context.js';
import { icons } from '../../icons.js';
import { TimioPanelCloseEvent } from '../panel-close.js';
import { chatPanelStyles } from './chat-panel.styles.js';
import { conferenceStrings } from '../i18n/index.js';
import { mediaStrings } from '../../i18n/media.js';

/**
 * The conference chat as a side panel: every message with sender and time (text only), a box for
 * a new one (at most 2,000 characters; Enter sends, Shift+Enter starts a new line).
 *
 * @event timio-panel-close - Close button or Escape.
 * @csspart messages - The message list.
 *
 * @tag timio-chat-panel
 */
export class TimioChatPanel extends LitElement {
  static override styles = chatPanelStyles;

  /** The room session, from the conference that owns it (@lit/context). */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  session?: SessionApi;

  @state() private draft = '';
  @state() private error = '';
  @state() private sending = false;
  private readonly messages = new StoreController(this, () => this.session, (s) => s.chat);
  private readonly localize = new LocalizeController(this);

  /** Moves focus to the message field. */
  override focus(): void {
    this.renderRoot.querySelector('textarea')?.focus();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) this.messages.sync();
  }

  protected override updated(): void {
    const list = this.renderRoot.querySelector('.messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  override render() {
    const t = conferenceStrings(this.localize.t);
    const time = new Intl.DateTimeFormat(this.localize.t.locale, { hour: '2-digit', minute: '2-digit' });
    const list = this.messages.value ?? [];
    const left = CHAT_MAX_CHARS - [...this.draft].length;
    return html`<section aria-labelledby="chat-title" @keydown=${this.onKeydown}>
      <div class="panel-head">
        <h2 id="chat-title">${t.chatTitle}</h2>
        <button class="icon-button close" aria-label=${t.close} title=${t.close} @click=${this.close}>${icons.close}</button>
      </div>
      <div class="messages" part="messages" role="log" aria-live="polite" aria-label=${t.chatTitle} tabindex="0"><ol>
        ${list.length === 0 ? html`<li class="empty">${t.chatEmpty}</li>` : nothing}
        ${repeat(list, (m) => m.id, (m) => html`<li class="message ${m.mine ? 'mine' : ''}" data-from=${m.from}>
          <div class="meta"><span class="from">${m.mine ? t.you : m.fromName}</span>${m.guest ? html` <span class="tag">${mediaStrings(this.localize.t).guest}</span>` : nothing}
            <time datetime=${new Date(m.at).toISOString()}>${time.format(m.at)}</time></div>
          <p class="text">${m.text}</p>
        </li>`)}
      </ol></div>
      <form @submit=${this.send}>
        <label class="sr-only" for="draft">${t.chatInput}</label>
        <textarea id="draft" rows="2" placeholder=${t.chatInput} maxlength=${CHAT_MAX_CHARS} .value=${this.draft}
          aria-describedby="left" @input=${(e: Event) => ((this.draft = (e.target as HTMLTextAreaElement).value), (this.error = ''))}></textarea>
        <button class="icon-button send" type="submit" aria-label=${t.send} title=${t.send} ?disabled=${this.sending || !this.draft.trim()}>${icons.send}</button>
      </form>
      <div class="foot"><span id="left" class=${left < 100 ? 'low' : ''}>${t.charsLeft(left)}</span>${this.error ? html`<span class="error" role="alert">${this.error}</span>` : nothing}</div>
    </section>`;
  }

  private send = async (e?: Event): Promise<void> => {
    e?.preventDefault();
    const t = conferenceStrings(this.localize.t);
    const text = this.draft.trim();
    if (!text || !this.session || this.sending) return;
    if ([...text].length > CHAT_MAX_CHARS) {
      this.error = t.chatTooLong;
      return;
    }
    this.sending = true;
    try {
      await this.session.sendChat(text);
      this.draft = '';
    } catch (err) {
      this.error = (err as { code?: string }).code === 'chat_too_long' ? t.chatTooLong : t.chatFailed;
    } finally {
      this.sending = false;
    }
  };

  private close = (): void => {
    this.dispatchEvent(new TimioPanelCloseEvent());
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close();
    } else if (e.key === 'Enter' && !e.shiftKey && e.composedPath()[0] instanceof HTMLTextAreaElement) {
      e.preventDefault();
      void this.send();
    }
  };
}
