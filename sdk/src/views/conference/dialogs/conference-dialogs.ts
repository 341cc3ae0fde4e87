// The conference's small dialogs and banners as templates: "Konferenz beenden?" for moderators,
// the moderator confirmation for those who joined straight from the invitation, and the view
// after the meeting ended for this person (left, ended by the moderator, removed, failed, full).
import { html, nothing } from 'lit';
import type { Catalog, ConferenceCatalog } from '../../../i18n/catalog.js';
import type { EndReason } from '../conference-join.js';
import { conferenceStrings } from '../i18n/index.js';

export function endConfirm(t: ConferenceCatalog, onCancel: () => void, onConfirm: () => void) {
  return html`<div class="scrim">
    <div class="dialog end-dialog" role="alertdialog" aria-modal="true" aria-labelledby="end-title" aria-describedby="end-text"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), onCancel())}>
      <h2 id="end-title">${t.endConfirmTitle}</h2>
      <p id="end-text">${t.endConfirmText}</p>
      <div class="actions">
        <button class="secondary cancel-end" @click=${onCancel}>${t.cancel}</button>
        <button class="danger confirm-end" @click=${onConfirm}>${t.endConfirm}</button>
      </div>
    </div>
  </div>`;
}

export function moderatorNotice(t: ConferenceCatalog, onConfirm: () => void, onDismiss: () => void) {
  return html`<div class="banner moderator-notice" role="group" aria-labelledby="mod-text">
    <p id="mod-text">${t.confirmModerator}</p>
    <div class="actions">
      <button class="primary confirm-moderator" @click=${onConfirm}>${t.iAmModerator}</button>
      <button class="secondary" @click=${onDismiss}>${t.notModerator}</button>
    </div>
  </div>`;
}

/** `byMe`: this person ended it for everyone (they are told so, not that "the moderator" did). */
export function endedView(catalog: Catalog, room: string, reason: EndReason | undefined, errorCode: string | undefined, onClose: () => void, onRejoin: () => void, byMe = false) {
  const t = conferenceStrings(catalog);
  const message = reason === 'ended' ? (byMe ? t.youEnded : t.endedByModerator) : reason === 'removed' ? t.removed : reason === 'left' ? t.youLeft : reason === 'full' ? t.full
    : errorCode && errorCode !== 'fallback' ? catalog.errors[errorCode] ?? t.failed : t.failed;
  const again = reason === 'left' || reason === 'failed' || reason === 'full';
  return html`<div class="ended" part="ended" data-reason=${reason ?? nothing}>
    <h2 class="room-name">${room}</h2>
    <p role="status">${message}</p>
    <div class="actions">
      ${again ? html`<button class="primary rejoin" @click=${onRejoin}>${t.rejoin}</button>` : nothing}
      <button class="secondary close-ended" @click=${onClose}>${t.close}</button>
    </div>
  </div>`;
}
