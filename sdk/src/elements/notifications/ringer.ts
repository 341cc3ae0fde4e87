// The ring tone, generated with WebAudio so no sound file has to be served: a soft two-note
// chime every two seconds. Browsers may keep audio suspended until the user has interacted with
// the page; then the ring stays silent and the popup and desktop notification still show.

const NOTES = [659.25, 880]; // E5, A5
const NOTE_SECONDS = 0.18;
const PERIOD_MS = 2000;

export class Ringer {
  private context?: AudioContext;
  private timer?: ReturnType<typeof setInterval>;

  get playing(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.chime(), PERIOD_MS);
    this.chime();
  }

  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    void this.context?.suspend().catch(() => undefined);
  }

  private chime(): void {
    try {
      this.context ??= new AudioContext();
      const ctx = this.context;
      if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
      const start = ctx.currentTime + 0.02;
      NOTES.forEach((frequency, i) => {
        const at = start + i * NOTE_SECONDS;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = 'sine';
        osc.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, at);
        gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_SECONDS * 1.6);
        osc.connect(gain).connect(ctx.destination);
        osc.start(at);
        osc.stop(at + NOTE_SECONDS * 1.7);
      });
    } catch {
      // No audio on this page (e.g. AudioContext unavailable): ringing stays visual.
    }
  }
}

const MUTE_KEY = 'timio:ring-muted';

/** The user's ring mute choice, kept per browser. */
export function loadRingMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveRingMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(MUTE_KEY, '1');
    else localStorage.removeItem(MUTE_KEY);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}
