// The media stall watch's sample (media-stall.ts): packets received so far on one subscribed,
// unmuted remote track of the room.
import { Track, type Room } from 'livekit-client';

/**
 * A microphone first (it sends all the time); undefined if there is none. One track's stats per
 * sample keeps the watch cheap: each getStats() gathers the whole peer connection's statistics.
 */
export async function inboundPackets(room: Room): Promise<number | undefined> {
  const tracks = [...room.remoteParticipants.values()]
    .flatMap((p) => [...p.trackPublications.values()])
    .filter((pub) => pub.isSubscribed && !pub.isMuted && pub.track)
    .sort((x, y) => Number(y.kind === Track.Kind.Audio) - Number(x.kind === Track.Kind.Audio));
  const track = tracks[0]?.track;
  if (!track) return undefined;
  let count = 0;
  (await track.getRTCStatsReport())?.forEach((s: { type: string; packetsReceived?: number }) => {
    if (s.type === 'inbound-rtp') count += s.packetsReceived ?? 0;
  });
  // The track's sid makes a change of the watched track a change of the sample.
  return count + hashOf(track.sid ?? '') * 1e9;
}

/** A small number that differs between track sids (so switching the watched track is a change). */
function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 997;
  return h;
}
