// What a person sees in a <video>, as numbers: the picture's sharpness (mean absolute Laplacian of
// its grey levels: high-frequency energy, which a blur removes) and its mean colour, read from a
// canvas copy at a fixed size so pictures of different resolutions compare.
import type { Locator } from 'playwright-core';

export interface Picture { sharpness: number; r: number; g: number; b: number; width: number }

// Source text: tsx would wrap named functions in a `__name` helper the page lacks.
const READ = `(v) => {
  const w = 320, h = 180;
  const c = document.createElement('canvas'); c.width = w; c.height = h;
  const x = c.getContext('2d', { willReadFrequently: true });
  x.drawImage(v, 0, 0, w, h);
  const d = x.getImageData(0, 0, w, h).data;
  const grey = new Float32Array(w * h);
  let r = 0, g = 0, b = 0;
  for (let i = 0; i < w * h; i++) {
    r += d[i * 4]; g += d[i * 4 + 1]; b += d[i * 4 + 2];
    grey[i] = 0.299 * d[i * 4] + 0.587 * d[i * 4 + 1] + 0.114 * d[i * 4 + 2];
  }
  let sum = 0;
  for (let y = 1; y < h - 1; y++) for (let xx = 1; xx < w - 1; xx++) {
    const i = y * w + xx;
    sum += Math.abs(4 * grey[i] - grey[i - 1] - grey[i + 1] - grey[i - w] - grey[i + w]);
  }
  const n = w * h;
  return { sharpness: sum / ((w - 2) * (h - 2)), r: r / n, g: g / n, b: b / n, width: v.videoWidth };
}`;

const read = new Function(`return ${READ}`)() as (v: Element) => Picture;

/** The picture the video shows now. */
export function readPicture(video: Locator): Promise<Picture> {
  return video.evaluate(read);
}

/** Reads the picture until `ok` holds for it (returned), or throws with the last one read after `ms`. */
export async function waitForPicture(video: Locator, ok: (p: Picture) => boolean, ms: number, what: string): Promise<Picture> {
  const deadline = Date.now() + ms;
  let last: Picture | undefined;
  while (Date.now() < deadline) {
    last = await readPicture(video).catch(() => undefined);
    if (last && last.width > 0 && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not reached in ${ms} ms, last picture ${JSON.stringify(last)}`);
}

/** The median sharpness of `n` readings a little apart (one frame can be a keyframe's blur). */
export async function medianSharpness(video: Locator, n = 5): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    values.push((await readPicture(video)).sharpness);
    await new Promise((r) => setTimeout(r, 200));
  }
  if (process.env.PICTURE_LOG) console.log(`sharpness readings: ${values.map((v) => v.toFixed(2)).join(' ')}`);
  return values.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}
