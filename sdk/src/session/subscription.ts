// Adaptive subscription, decided by a pure function (planSubscriptions) and applied to the room
// (applySubscriptions): a remote video is received only while a view
// shows it, at about the size shown; a tile that leaves the screen (page change, speaker view)
// is unsubscribed. Audio is always received.
import { Track, type Room, type RemoteTrackPublication } from 'livekit-client';
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

/** Brings the room's subscriptions in line: audio always, video as planSubscriptions says. */
export function applySubscriptions(room: Room, visible: readonly VisibleVideo[] | undefined): void {
  const videos: Array<PublishedVideo & { pub: RemoteTrackPublication }> = [];
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) {
      if (pub.kind === Track.Kind.Audio) {
        if (!pub.isSubscribed) pub.setSubscribed(true);
      } else if (pub.source === Track.Source.Camera || pub.source === Track.Source.ScreenShare) {
        videos.push({ identity: p.identity, source: pub.source === Track.Source.Camera ? 'camera' : 'screen', sid: pub.trackSid, pub });
      }
    }
  }
  const plan = planSubscriptions(videos, visible, typeof devicePixelRatio === 'number' ? devicePixelRatio : 1);
  for (const v of videos) {
    const wish = plan.get(v.sid);
    if (!wish) continue;
    if (v.pub.isSubscribed !== wish.subscribed) v.pub.setSubscribed(wish.subscribed);
    if (wish.subscribed && wish.width && wish.height) v.pub.setVideoDimensions({ width: wish.width, height: wish.height });
  }
}
