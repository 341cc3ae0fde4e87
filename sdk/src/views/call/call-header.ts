// The call window's header: the partner's name, the call's running time and state badges (the
// partner's microphone, camera and screen; one's own screen share). On a narrow window the badges
// show only their icons (the sentence stays for screen readers and as tooltip), so the name keeps
// its room. Beside the name, the host's contact actions for the partner ("Weitere Kontaktoptionen").
import { html, nothing, type TemplateResult } from 'lit';
import type { ParticipantState } from '../../session/types.js';
import type { UserRef } from '#protocol/realtime.js';
import { icons } from '../icons.js';
import type { CallWindowCatalog } from '../../i18n/catalog.js';
import type { WindowDrag } from './window-drag.js';

/** The window's own controls at the header's end (grip, maximise/restore), and its drag when docked. */
export interface HeaderWindowTools {
  /** Before the name: the grip that moves the docked window. */
  grip?: unknown;
  /** After the badges: maximise/restore. */
  tools: unknown;
  drag?: WindowDrag;
}

export function callHeader(t: CallWindowCatalog, name: string, elapsed: string, partner: ParticipantState | undefined, selfSharing: boolean, contact?: UserRef, locale?: string, win?: HeaderWindowTools): TemplateResult {
  const badge = (state: string, icon: unknown, text: string, warn = false) =>
    html`<span class="badge ${warn ? 'warn' : ''}" data-state=${state} title=${text}>${icon}<span class="badge-text">${text}</span></span>`;
  const drag = win?.drag;
  return html`<header part="header" class=${drag ? 'draggable' : ''} @pointerdown=${drag?.down} @pointermove=${drag?.move} @pointerup=${drag?.up} @pointercancel=${drag?.up}>
    ${win?.grip ?? nothing}
    <span class="name">${name}</span>
    ${contact ? html`<timio-partner-actions .contact=${contact} locale=${locale ?? nothing}></timio-partner-actions>` : nothing}
    <span class="status" role="timer" aria-live="off">${elapsed}</span>
    <span class="badges">
      ${partner && (!partner.microphone || partner.microphone.muted) ? badge('partner-mic-muted', icons.micOff, t.partnerMicMuted(name), true) : nothing}
      ${partner && (!partner.camera || partner.camera.muted) ? badge('partner-camera-off', icons.cameraOff, t.partnerCameraOff(name)) : nothing}
      ${partner?.screen ? badge('partner-sharing', icons.screen, t.partnerSharing(name)) : nothing}
      ${selfSharing ? badge('self-sharing', icons.screen, t.youAreSharing) : nothing}
    </span>
    ${win?.tools ?? nothing}
  </header>`;
}

export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
