// What a person hears, read from the receiving browser's WebRTC statistics: the inbound audio's
// total energy (the sum of level² × duration of every sample played out). The fake microphone
// beeps, so audio that arrives makes it grow; a muted microphone sends silence and it stands still.
import type { BrowserContext, Page } from 'playwright-core';

/** Keeps every RTCPeerConnection of the page in `window.__peerConnections` (added before page scripts). */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(`(() => {
    const Native = window.RTCPeerConnection;
    const list = (window.__peerConnections = []);
    window.RTCPeerConnection = function (...args) { const pc = new Native(...args); list.push(pc); return pc; };
    window.RTCPeerConnection.prototype = Native.prototype;
    Object.setPrototypeOf(window.RTCPeerConnection, Native);
  })()`);
}

/** The total energy of all audio received by the page so far. */
export function receivedAudioEnergy(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    let energy = 0;
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'audio') energy += s.totalAudioEnergy ?? 0; });
    }
    return energy;
  })()`) as Promise<number>;
}

/**
 * Waits until the energy received during the last `windowMs` satisfies `test` (sampled every
 * 200 ms), and returns that energy. A condition, not a sleep: it returns as soon as it holds.
 */
export async function waitForAudio(page: Page, test: (energy: number) => boolean, what: string, { windowMs = 2500, timeoutMs = 60_000 } = {}): Promise<number> {
  const samples: Array<[number, number]> = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = Date.now();
    samples.push([now, await receivedAudioEnergy(page)]);
    while (samples.length > 1 && now - samples[1]![0] >= windowMs) samples.shift();
    const [t0, e0] = samples[0]!;
    const energy = samples.at(-1)![1] - e0;
    if (now - t0 >= windowMs && test(energy)) return energy;
    if (now > deadline) throw new Error(`timed out waiting for ${what} (last ${windowMs} ms: energy ${energy})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
