// Device checks of "Weitere Optionen": a live microphone level and a test tone on the chosen
// speaker. Plain Web Audio on standard MediaStreamTracks; nothing LiveKit-specific.

/** Reports the microphone's level (0..1) about 20 times a second until the returned stop(). */
export function watchMicrophoneLevel(track: MediaStreamTrack, onLevel: (level: number) => void): () => void {
  const ctx = new AudioContext();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) sum += s * s;
    // RMS of speech sits around 0.05–0.2; scale so normal speech fills most of the meter.
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 5));
  }, 50);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void ctx.close();
  };
}

/** Plays a short two-tone chime on the given output device ('' = default). */
export async function playTestSound(sinkId: string): Promise<void> {
  const ctx = new AudioContext();
  const dest = ctx.createMediaStreamDestination();
  const gain = ctx.createGain();
  gain.connect(dest);
  const start = ctx.currentTime + 0.05;
  [660, 880].forEach((freq, i) => {
    const osc = ctx.createOscillator();
    osc.frequency.value = freq;
    osc.connect(gain);
    osc.start(start + i * 0.35);
    osc.stop(start + i * 0.35 + 0.3);
  });
  gain.gain.setValueAtTime(0.2, start);
  const audio = new Audio();
  audio.srcObject = dest.stream;
  const withSink = audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
  if (sinkId && withSink.setSinkId) await withSink.setSinkId(sinkId);
  await audio.play();
  await new Promise((resolve) => setTimeout(resolve, 800));
  audio.pause();
  await ctx.close();
}
