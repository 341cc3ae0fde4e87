// Backgrounds bench: frames per second of the camera a person sends at 640×360 (the call window's
// own view of it, frames painted over 10 s) unprocessed and with "Weichzeichnen", in headless
// Chromium on this machine (WebGL through SwiftShader, segmentation in WebAssembly on 2 shared
// cores: it says little about a user's laptop, so it is reported, not gated), and the gzip size of
// the lazily loaded effects chunks (from dist/, when built). Runs inside `unshare -n` (npm run
// bench does that as root): `npm run bench -- backgrounds`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMediaServer } from '../dev-media-server/src/server.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { startCallWindowHost } from '../testing/cross-process/call-window-host.js';
import { writePatternCamera } from '../testing/cross-process/pattern-camera.js';
import { roomToken } from '../testing/node/tokens.js';
import { effectsFolder } from '../scripts/build/effects-assets.mjs';

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'backgrounds', metric, value, unit, target, ok })}`);
}

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*";
const media = await startMediaServer({ port: 0 });
const host = await startCallWindowHost({ folders: { '/effects/': effectsFolder() }, headers: { 'Content-Security-Policy': CSP } });
const browser = await launchChromium({ args: [`--use-file-for-fake-video-capture=${writePatternCamera()}`] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
  await page.goto(host.origin);
  await page.waitForFunction(() => 'callWindow' in window);
  const room = `bench-bg-${Date.now()}`;
  const ben = { id: 'ben', name: 'Ben Müller' };
  const token = await roomToken('anna', room, {}, { name: 'Anna Schmidt' });
  await page.evaluate((o) => window.callWindow.open(o), { call: { id: room, room, caller: { id: 'anna', name: 'Anna Schmidt' }, callee: ben, state: 'active' as const }, token, url: media.url, locale: 'de' as const });
  const self = page.locator('timio-call video[data-track="local-camera"]').first();
  await self.waitFor({ state: 'attached', timeout: 120_000 });
  const fps = () => self.evaluate((v: HTMLVideoElement) => new Promise<number>((resolve) => {
    const start = v.getVideoPlaybackQuality().totalVideoFrames;
    setTimeout(() => resolve((v.getVideoPlaybackQuality().totalVideoFrames - start) / 10), 10_000);
  }));
  await page.waitForTimeout(2_000);
  const plain = await fps();
  await page.locator('timio-call .controls .more').click();
  await page.locator('timio-call .options input[data-background="blur"]').check();
  // "Hintergrund wird vorbereitet …" until the segmentation delivers its first frame.
  const ready = Date.now() + 120_000;
  while (/vorbereitet/.test(await page.locator('timio-call .options .state').innerText()) && Date.now() < ready) await page.waitForTimeout(200);
  await page.waitForTimeout(3_000);
  const blurred = await fps();
  const state = await page.locator('timio-call .options .state').innerText();
  bench('own camera 640x360, unprocessed', Math.round(plain * 10) / 10, 'fps', '', true);
  bench('own camera 640x360, blurred (segmentation + compose)', Math.round(blurred * 10) / 10, 'fps', '>= 15 (not gated)', true);
  if (state) bench('background state after blurring', state, '', '', true);
} finally {
  await browser.close();
  await host.close();
  await media.close();
}

const chunks = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'chunks');
if (existsSync(chunks)) {
  const gz = (prefix: string) => readdirSync(chunks).filter((f) => f.startsWith(prefix) && f.endsWith('.js')).map((f) => gzipSync(readFileSync(join(chunks, f)), { level: 9 }).length)[0];
  const kb = (b: number | undefined) => (b === undefined ? 'missing' : Math.round(b / 102.4) / 10);
  bench('effects processing chunk (chunks/live-effects-*.js), gzip', kb(gz('live-effects-')), 'KB', '', true);
  bench('settings form chunk (chunks/media-effects-*.js), gzip', kb(gz('media-effects-')), 'KB', '', true);
  const assets = join(chunks, '..', 'effects');
  if (existsSync(assets)) bench('dist/effects/ (segmentation wasm, model, loader)', Math.round(readdirSync(assets).reduce((s, f) => s + readFileSync(join(assets, f)).length, 0) / 1024 / 102.4) / 10, 'MB', '', true);
}
