// What a person sees of a <video>: whether new frames keep being painted, read through playwright
// locators (they pierce the elements' open shadow roots).
import type { Page } from 'playwright-core';
import { WAIT_MS } from '../wait.js';

export interface VideoFrames { frames: number; width: number; height: number }

// Firefox counts no playback-quality frames for a MediaStream; its painted-frame counter says the
// same thing there. Kept as source text: tsx would wrap named functions in a `__name` helper the page lacks.
export const WAIT_FOR_FRAMES = `(v, [n, ms]) => new Promise((resolve, reject) => {
  const read = () => ({ frames: 'mozPaintedFrames' in v ? v.mozPaintedFrames : v.getVideoPlaybackQuality().totalVideoFrames, width: v.videoWidth, height: v.videoHeight });
  const start = read();
  const timer = setInterval(() => {
    const now = read();
    if (now.width > 0 && now.frames >= start.frames + n) { clearInterval(timer); clearTimeout(limit); resolve(now); }
  }, 50);
  const limit = setTimeout(() => {
    clearInterval(timer);
    reject(new Error('frames did not advance: start ' + JSON.stringify(start) + ', now ' + JSON.stringify(read())));
  }, ms);
})`;

/** Waits until the video shows a picture and paints at least `advance` more frames. */
export async function framesAdvance(page: Page, selector: string, { advance = 5, timeoutMs = WAIT_MS } = {}): Promise<VideoFrames> {
  const video = page.locator(selector).first();
  await video.waitFor({ state: 'attached', timeout: timeoutMs });
  const wait = new Function(`return ${WAIT_FOR_FRAMES}`)() as (v: Element, arg: [number, number]) => Promise<VideoFrames>;
  return video.evaluate(wait, [advance, timeoutMs] as [number, number]);
}
