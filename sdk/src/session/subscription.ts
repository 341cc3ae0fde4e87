// Adaptive subscription, decided by a pure function: a remote video is received only while a view
// shows it, at about the size shown; a tile that leaves the screen (page change, speaker view)
// is unsubscribed. Audio is always received.
import type { VisibleVideo } from './types.js';

export interface PublishedVideo {
  identity: string;
  source: 'camera' | 'screen';
  sid: string;
}

export interface SubscriptionWish {
  subscribed: boolean;
  /** Device pixels the view shows it at (the server picks the layer that fits). */
  width?: number;
  height?: number;
}

/**
 * What to do with each published remote video. `visible` undefined means no view has said what it
 * shows yet: everything is received (a 1:1 window before its first layout).
 */
export function planSubscriptions(
  published: readonly PublishedVideo[],
  visible: readonly VisibleVideo[] | undefined,
  pixelRatio = 1,
): Map<string, SubscriptionWish> {
  const plan = new Map<string, SubscriptionWish>();
  for (const video of published) {
    if (!visible) {
      plan.set(video.sid, { subscribed: true });
      continue;
    }
    // The largest place this video is shown in wins (it may be on the stage and in the strip).
    let best: VisibleVideo | undefined;
    for (const v of visible) {
      if (v.identity !== video.identity || v.source !== video.source) continue;
      if (!best || v.width * v.height > best.width * best.height) best = v;
    }
    plan.set(
      video.sid,
      best
        ? { subscribed: true, width: Math.max(1, Math.round(best.width * pixelRatio)), height: Math.max(1, Math.round(best.height * pixelRatio)) }
        : { subscribed: false },
    );
  }
  return plan;
}
