// Join bench: from the click on "Teilnehmen" in the conference's pre-join to the first painted
// frame of a remote camera (median of 10), beside the same join made with bare livekit-client
// (Room.connect, subscribe, first frame) on the same dev media server in the same run. Both join
// without publishing (camera and microphone off) into a room where one page publishes its camera;
// both are timed from Node around one page.evaluate and a requestAnimationFrame-polled wait, so
// the harness costs the same on both sides. The token service's room routes are played by
// e2e/support/room-routes-stand-in.ts (a LiveKit token from local HTTP) until the server side is
// merged. Runs inside `unshare -n` (npm run bench does that as root).
import { startMediaServer } from '../dev-media-server/src/server.js';
import { launchChromium } from '../testing/chromium.js';
import { startLiveKitPageHost } from '../testing/livekit-page.js';
import { roomToken } from '../testing/tokens.js';
import { startConferenceHost } from '../e2e/support/conference-host.js';

const RUNS = 10;
const TARGET = 1.15;

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'join', metric, value, unit, target, ok })}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

const people: Record<string, { name: string }> = {};
for (let i = 0; i < RUNS; i++) people[`sdk-${i}`] = { name: `SDK ${i}` };
const media = await startMediaServer({ port: 0 });
const browser = await launchChromium();
const pages = await startLiveKitPageHost({ browser });
const conference = await startConferenceHost({ mediaUrl: media.url, people, rooms: { bench: 'Bench' } });
try {
  const publisher = await pages.open('publisher');
  await publisher.join(media.url, await roomToken('publisher', 'bench', {}, { name: 'Publisher' }), { mic: false });
  const sdk: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Bare livekit-client: connect and wait for the publisher's first painted frame.
    const viewer = await pages.open(`bare-${i}`);
    const token = await roomToken(`bare-${i}`, 'bench');
    let started = Date.now();
    await viewer.join(media.url, token, { camera: false, mic: false });
    await viewer.page.waitForFunction(() => (window.lk.state.video['publisher/camera']?.frames ?? 0) >= 1, undefined, { polling: 'raf', timeout: 60_000 });
    bare.push(Date.now() - started);
    await viewer.leave();
    await viewer.close();

    // The SDK: the pre-join is open (token fetched, nothing captured); click "Teilnehmen".
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${conference.origin}/?lang=de`);
    await page.evaluate(() => localStorage.setItem('timio.media-choices', JSON.stringify({ camera: false, microphone: false })));
    await page.waitForFunction(() => 'conference' in window);
    await page.evaluate((user) => window.conference.open({ room: 'bench', prejoin: true, user }), `sdk-${i}`);
    await page.locator('timio-conference-prejoin button.join').waitFor({ timeout: 60_000 });
    started = Date.now();
    await page.evaluate(() => {
      const prejoin = document.querySelector('timio-conference')!.shadowRoot!.querySelector('timio-conference-prejoin')!;
      prejoin.shadowRoot!.querySelector<HTMLButtonElement>('button.join')!.click();
    });
    await page.waitForFunction(() => {
      const stage = document.querySelector('timio-conference')?.shadowRoot?.querySelector('timio-conference-stage');
      const tile = stage?.shadowRoot?.querySelector('timio-video-tile[data-key="publisher:camera"]');
      const video = tile?.shadowRoot?.querySelector('video');
      return !!video && video.getVideoPlaybackQuality().totalVideoFrames >= 1 && video.videoWidth > 0;
    }, undefined, { polling: 'raf', timeout: 60_000 });
    sdk.push(Date.now() - started);
    await page.evaluate(() => document.querySelector('timio-conference')!.leave());
    await context.close();
  }
  console.error(`bare livekit-client join → first frame (ms): ${bare.join(', ')}`);
  console.error(`SDK "Teilnehmen" → first frame (ms): ${sdk.join(', ')}`);
  const b = median(bare);
  const s = median(sdk);
  bench('bare livekit-client join → first remote frame (median of 10)', Math.round(b), 'ms', 'reference');
  bench('SDK "Teilnehmen" → first remote frame (median of 10)', Math.round(s), 'ms', '<= bare + 15 %', s <= b * TARGET);
  bench('SDK over bare', Math.round((s / b - 1) * 100), '%', '<= 15 %', s <= b * TARGET);
  await publisher.leave();
} finally {
  await conference.close();
  await pages.close();
  await browser.close();
  await media.close();
}
