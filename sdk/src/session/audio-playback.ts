// Remote audio plays from <audio> elements the session owns (hidden, in the document), so the
// chosen speaker (setSinkId) applies to every voice. Outside a browser it does nothing.
import type { RemoteTrack } from 'livekit-client';

export class AudioPlayback {
  private readonly elements = new Map<RemoteTrack, HTMLMediaElement>();

  play(track: RemoteTrack): void {
    if (typeof document === 'undefined' || this.elements.has(track)) return;
    const el = track.attach();
    el.hidden = true;
    document.body.append(el);
    this.elements.set(track, el);
  }

  stop(track: RemoteTrack): void {
    const el = this.elements.get(track);
    if (!el) return;
    track.detach(el);
    el.remove();
    this.elements.delete(track);
  }

  stopAll(): void {
    for (const track of [...this.elements.keys()]) this.stop(track);
  }
}
