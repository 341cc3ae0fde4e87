// What the call window's stage shows, as pure functions (timio-call.component.ts renders it): the
// partner's videos it receives and at which size, and where the call timer starts.
import type { ParticipantState, VisibleVideo } from '../../session/types.js';

/**
 * The partner's videos on a stage of `width` × `height`: the camera at the stage size, or a shared
 * screen at the stage size with the camera small beside it (the rest is not received).
 */
export function partnerVideos(p: Pick<ParticipantState, 'identity' | 'screen'>, width: number, height: number): VisibleVideo[] {
  const side = Math.min(280, Math.max(120, width * 0.22));
  return p.screen
    ? [{ identity: p.identity, source: 'screen', width, height }, { identity: p.identity, source: 'camera', width: side, height: side * 9 / 16 }]
    : [{ identity: p.identity, source: 'camera', width, height }];
}

/**
 * Where the call timer starts: the service's answer time, so a window restored on the next page goes
 * on counting instead of starting at 0:00; never in the future (clock skew), now when unknown.
 */
export function callClockStart(answeredAt: string | undefined, now = Date.now()): number {
  const at = answeredAt ? Date.parse(answeredAt) : NaN;
  return Number.isFinite(at) ? Math.min(at, now) : now;
}
