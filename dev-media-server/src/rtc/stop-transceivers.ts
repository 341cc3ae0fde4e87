// werift's senders and receivers run RTCP timer loops that pc.close() does not always end
// (e.g. after removeTrack); stop them explicitly so a closed connection holds no timers.
import type { RTCPeerConnection } from 'werift';

export function stopTransceivers(pc: RTCPeerConnection): void {
  for (const t of pc.getTransceivers()) {
    try {
      t.sender.stop();
      t.receiver.stop();
    } catch {
      // already stopped
    }
  }
}
