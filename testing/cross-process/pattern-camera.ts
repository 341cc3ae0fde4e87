// A fake camera with detail: a Y4M clip (Chromium's --use-file-for-fake-video-capture) of a
// moving checkerboard with coloured stripes, written to a temp folder. Chromium's default fake
// camera is mostly one flat green, whose sharpness after encoding is mostly coding noise; this
// picture is sharp, so a blur shows plainly in the received frames.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function writePatternCamera(width = 640, height = 360, frames = 15): string {
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`);
  const parts: Buffer[] = [header];
  const cw = width / 2;
  const ch = height / 2;
  for (let f = 0; f < frames; f++) {
    const y = Buffer.alloc(width * height);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const square = (Math.floor((col + f * 2) / 16) + Math.floor(row / 16)) % 2;
        y[row * width + col] = square ? 220 : 40;
      }
    }
    // Chroma: vertical bands of blue-ish and red-ish, so the picture is not grey.
    const u = Buffer.alloc(cw * ch);
    const v = Buffer.alloc(cw * ch);
    for (let row = 0; row < ch; row++) {
      for (let col = 0; col < cw; col++) {
        const band = Math.floor(col / 40) % 2;
        u[row * cw + col] = band ? 160 : 110;
        v[row * cw + col] = band ? 110 : 150;
      }
    }
    parts.push(Buffer.from('FRAME\n'), y, u, v);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'timio-camera-')), 'pattern.y4m');
  writeFileSync(file, Buffer.concat(parts));
  return file;
}
