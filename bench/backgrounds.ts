// Backgrounds bench, in headless Chromium on this machine (WebGL through SwiftShader, segmentation
// in WebAssembly on 2 shared cores: it says little about a user's laptop, so it is reported, not
// gated):
// - frames per second of the camera a person sends at 640×360 (the call window's own view of it,
//   frames painted over 10 s), unprocessed and with "Weichzeichnen";
// - what a chosen blur adds to joining: from the call window opening on an answered call (what
//   "Annehmen" does) to the first own frame painted, and to the first frame the partner paints,
//   median of RUNS each with the background off and on, alternating, each on a freshly loaded
//   page (the segmentation's script, wasm and model load again, from the browser's cache); with
//   the blur also the time until the partner's picture is blurred (read every 250 ms);
// - the gzip size of the lazily loaded effects chunks (from dist/, when built).
// BG_LOG=1 prints the pages' console. Runs inside `unshare -n` (npm run bench does that as root):
// `npm run bench -- backgrounds`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startMediaServer } from '../dev-media-server/src/server.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { startCallWindowHost } from '../testing/cross-process/call-window-host.js';
import { writePatternCamera } from '../testing/cross-process/pattern-camera.js';
import { medianSharpness, waitForPicture } from '../testing/cross-process/picture.js';
import { roomToken } from '../testing/node/tokens.js';
import { effectsFolder } from '../scripts/build/effects-assets.mjs';
import { median } from './lib/stats.js';

const RUNS = Number(process.env.BG_RUNS ?? 5);
const TIMEOUT = 120_000;

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean, note?: string): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'backgrounds', metric, value, unit, target, ok, note })}`);
}


/**
 * True once the <video> matching `selector`, anywhere in the page's shadow roots, has painted a
 * frame. Built from source text: tsx would wrap named functions in a helper the page lacks.
 */
const firstFrame = new Function(`return (selector) => {
  const find = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const h = find(el.shadowRoot); if (h) return h; }
    return null;
  };
  const v = find(document);
  return !!v && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames >= 1;
}`)() as (selector: string) => boolean;

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller' };
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*";
const media = await startMediaServer({ port: 0 });
const host = await startCallWindowHost({ folders: { '/effects/': effectsFolder() }, headers: { 'Content-Security-Policy': CSP } });
const browser = await launchChromium({ args: [`--use-file-for-fake-video-capture=${writePatternCamera()}`] });

async function openPage(label: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 720 } })).newPage();
  if (process.env.BG_LOG) page.on('console', (m) => console.error(`[${label}] ${m.type()}: ${m.text()}`));
  await page.goto(host.origin);
  await page.waitForFunction(() => 'callWindow' in window);
  return page;
}

/** Opens the call window on `page` as `self` (Anna or Ben) in their call, answered. */
async function openCall(page: Page, room: string, self: typeof anna): Promise<void> {
  const token = await roomToken(self.id, room, {}, { name: self.name });
  await page.evaluate((o) => window.callWindow.open(o), { call: { id: room, room, caller: anna, callee: ben, state: 'active' as const }, token, url: media.url, locale: 'de' as const });
}

async function closeCall(page: Page): Promise<void> {
  await page.evaluate(() => window.callWindow.handle?.close());
  await page.waitForFunction(() => !document.querySelector('timio-call'), undefined, { timeout: TIMEOUT });
}

try {
  // Frames per second, own view.
  const page = await openPage('anna');
  const room = `bench-bg-${Date.now()}`;
  await openCall(page, room, anna);
  const self = page.locator('timio-call video[data-track="local-camera"]').first();
  await self.waitFor({ state: 'attached', timeout: TIMEOUT });
  const fps = () => self.evaluate((v: HTMLVideoElement) => new Promise<number>((resolve) => {
    const start = v.getVideoPlaybackQuality().totalVideoFrames;
    setTimeout(() => resolve((v.getVideoPlaybackQuality().totalVideoFrames - start) / 10), 10_000);
  }));
  await page.waitForTimeout(2_000);
  const plain = await fps();
  await page.locator('timio-call .controls .more').click();
  await page.locator('timio-call .options input[data-background="blur"]').check();
  // "Hintergrund wird vorbereitet …" until the segmentation delivers its first frame.
  const ready = Date.now() + TIMEOUT;
  while (/vorbereitet/.test(await page.locator('timio-call .options .state').innerText()) && Date.now() < ready) await page.waitForTimeout(200);
  await page.waitForTimeout(3_000);
  const blurred = await fps();
  const state = await page.locator('timio-call .options .state').innerText();
  bench('own camera 640x360, unprocessed', Math.round(plain * 10) / 10, 'fps', '', true);
  bench('own camera 640x360, blurred (segmentation + compose)', Math.round(blurred * 10) / 10, 'fps', '>= 15 (not gated)', true);
  if (state) bench('background state after blurring', state, '', '', true);
  await closeCall(page);

  // Joining with the blur off and on: Ben waits in the call, Anna's window opens on a fresh page.
  const partner = await openPage('ben');
  const times = { none: { own: [] as number[], partner: [] as number[] }, blur: { own: [] as number[], partner: [] as number[], blurred: [] as number[] } };
  let plainSharpness = 0;
  for (let i = 0; i < 2 * RUNS; i++) {
    const background = i % 2 === 0 ? 'none' : 'blur';
    await page.evaluate((bg) => localStorage.setItem('timio.media-settings', JSON.stringify({ noiseSuppression: true, echoCancellation: true, autoGainControl: true, background: bg })), background);
    await page.reload();
    await page.waitForFunction(() => 'callWindow' in window);
    const r = `bench-bg-join-${Date.now()}`;
    await openCall(partner, r, ben);
    await partner.waitForFunction(() => window.callWindow.handle?.session.connection.value.phase === 'connected', undefined, { timeout: TIMEOUT });
    const started = Date.now();
    await openCall(page, r, anna);
    const own = page.waitForFunction(firstFrame, 'video[data-track="local-camera"]', { polling: 'raf', timeout: TIMEOUT }).then(() => Date.now() - started);
    const seen = partner.waitForFunction(firstFrame, 'video[data-track="partner-camera"]', { polling: 'raf', timeout: TIMEOUT }).then(() => Date.now() - started);
    times[background].own.push(await own);
    times[background].partner.push(await seen);
    const video = partner.locator('timio-call video[data-track="partner-camera"]').first();
    if (background === 'none' && plainSharpness === 0) {
      await page.waitForTimeout(1_000);
      plainSharpness = await medianSharpness(video);
    }
    if (background === 'blur') {
      await waitForPicture(video, (p) => p.sharpness <= plainSharpness / 2, TIMEOUT, 'the partner sees the blur');
      times.blur.blurred.push(Date.now() - started);
    }
    await Promise.all([closeCall(page), closeCall(partner)]);
  }
  for (const bg of ['none', 'blur'] as const) {
    console.error(`${bg}: own first frame ${times[bg].own.join(', ')} ms; partner's first frame ${times[bg].partner.join(', ')} ms`);
  }
  console.error(`blur: partner sees it blurred ${times.blur.blurred.join(', ')} ms`);
  const ms = (xs: number[]) => Math.round(median(xs));
  const diff = (a: number[], b: number[]) => `${ms(a) - ms(b) >= 0 ? '+' : ''}${ms(a) - ms(b)} ms`;
  bench(`answered → first own frame, background off (median of ${RUNS})`, ms(times.none.own), 'ms', 'reference');
  bench(`answered → first own frame, blur on (median of ${RUNS})`, ms(times.blur.own), 'ms', '', undefined, diff(times.blur.own, times.none.own));
  bench(`answered → partner's first frame, background off (median of ${RUNS})`, ms(times.none.partner), 'ms', 'reference');
  bench(`answered → partner's first frame, blur on (median of ${RUNS})`, ms(times.blur.partner), 'ms', '', undefined, diff(times.blur.partner, times.none.partner));
  bench(`answered → partner sees the blur (median of ${RUNS}, read every 250 ms)`, ms(times.blur.blurred), 'ms', '');
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
