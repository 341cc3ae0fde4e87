// What the call window's status overlay says, from the connection and where the partner is: a pure
// function, so every state is tested without a browser.
import type { ConnectionState, ParticipantState } from '../../session/types.js';
import type { CallWindowCatalog } from '../../i18n/catalog.js';
import type { CallWindowEndReason } from './call-types.js';

export interface OverlayState {
  /** `''`: nothing over the video. */
  state: string;
  message: string;
  spinner: boolean;
  /** The overlay offers "Schließen", ending the window with this reason. */
  close?: CallWindowEndReason;
}

export interface PartnerPresence {
  /** The partner as in the room now (absent while they are out of it). */
  partner?: ParticipantState;
  /** They were in the room and left it. */
  departed: boolean;
  /** Since when they are away: out of the room, or in it without any media after having had some (a page change). */
  awaySince?: number;
  now: number;
  /** How long "away" reads as reconnecting before the window says they left (or shows them as they are). */
  graceMs: number;
}

/** Whether the partner has any media published (muted or not): a person who turns things off keeps them published. */
export const hasMedia = (p: ParticipantState): boolean => !!(p.camera || p.microphone || p.screen);

export function overlayState(c: ConnectionState | undefined, presence: PartnerPresence, t: CallWindowCatalog, name: string): OverlayState {
  if (!c || c.phase === 'idle' || c.phase === 'connecting') return { state: 'connecting', message: t.connecting, spinner: true };
  if (c.phase === 'reconnecting') return { state: 'reconnecting', message: t.reconnecting, spinner: true };
  if (c.phase === 'disconnected') {
    return c.reason === 'failed'
      ? { state: 'failed', message: t.connectionFailed, spinner: false, close: 'failed' }
      : { state: 'ended', message: t.callEnded, spinner: false, close: 'disconnected' };
  }
  const { partner, awaySince, now, graceMs } = presence;
  // A page change of the partner: their media goes, they leave the room, their next page joins and
  // publishes again. All of it reads as one reconnect, never as "camera off" or "left". The service
  // ends the call if they do not come back; a window on its own offers to close after the grace.
  if (awaySince !== undefined && now - awaySince < graceMs) return { state: 'partner-reconnecting', message: t.partnerReconnecting(name), spinner: true };
  if (partner) return { state: '', message: '', spinner: false };
  if (presence.departed) return { state: 'partner-left', message: t.partnerLeft(name), spinner: false, close: 'partner_left' };
  return { state: 'waiting', message: t.waitingFor(name), spinner: true };
}

/** Which of their media the partner had published (muted or not) while they were here. */
export interface MediaShape {
  camera: boolean;
  microphone: boolean;
}

export const mediaShape = (p: ParticipantState): MediaShape => ({ camera: !!p.camera, microphone: !!p.microphone });

/** Whether the partner, back, has what they had again: each publication, and an unmuted camera's picture. */
export function restored(p: ParticipantState, had: MediaShape): boolean {
  if (had.microphone && !p.microphone) return false;
  if (had.camera && (!p.camera || (!p.camera.muted && !p.camera.track))) return false;
  return hasMedia(p);
}

/**
 * Since when the partner is away, after `before`: set when they leave the room or lose all their
 * media at once (having had some: `had`); kept while they are back but their media is not (each
 * publication they had, their picture), so the next page's joining never reads as "camera off" or
 * "microphone muted"; cleared once it is.
 */
export function awaySince(before: number | undefined, partner: ParticipantState | undefined, departed: boolean, had: MediaShape | undefined, now: number): number | undefined {
  if (!partner) return departed ? before ?? now : before;
  if (before === undefined) return had && (had.camera || had.microphone) && !hasMedia(partner) ? now : undefined;
  return (had ? restored(partner, had) : hasMedia(partner)) ? undefined : before;
}
