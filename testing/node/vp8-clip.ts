// A short VP8 clip read from an IVF file (no ffmpeg at run time) and cut into RTP payloads
// (RFC 7741). The committed clip testing/node/media/clip-160x90-10fps.ivf was made once with
//   ffmpeg -f lavfi -i testsrc2=size=160x90:rate=10 -t 3 -c:v libvpx -b:v 150k -g 10 \
//     -keyint_min 10 -auto-alt-ref 0 -lag-in-frames 0 -pix_fmt yuv420p -f ivf clip-160x90-10fps.ivf
// (a keyframe every 10 frames, no hidden alt-ref frames: one shown frame per RTP timestamp).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CLIP = fileURLToPath(new URL('./media/clip-160x90-10fps.ivf', import.meta.url));

export interface Vp8Frame {
  data: Buffer;
  keyframe: boolean;
}

export interface Vp8Clip {
  width: number;
  height: number;
  frameRate: number;
  frames: Vp8Frame[];
}

const clips = new Map<string, Vp8Clip>();

/** Reads (once per path and process) an IVF file holding VP8. */
export function loadVp8Clip(path = DEFAULT_CLIP): Vp8Clip {
  const known = clips.get(path);
  if (known) return known;
  const file = readFileSync(path);
  if (file.toString('ascii', 0, 4) !== 'DKIF' || file.toString('ascii', 8, 12) !== 'VP80') {
    throw new Error(`${path} is not an IVF file with VP8`);
  }
  const headerSize = file.readUInt16LE(6);
  const width = file.readUInt16LE(12);
  const height = file.readUInt16LE(14);
  const rate = file.readUInt32LE(16);
  const scale = file.readUInt32LE(20) || 1;
  const frames: Vp8Frame[] = [];
  for (let at = headerSize; at + 12 <= file.length; ) {
    const size = file.readUInt32LE(at);
    const data = file.subarray(at + 12, at + 12 + size);
    if (data.length < size || size === 0) break;
    // VP8 frame tag: bit 0 of the first byte is 0 for a keyframe (RFC 6386 9.1)
    frames.push({ data, keyframe: (data[0] & 0x01) === 0 });
    at += 12 + size;
  }
  if (frames.length === 0 || !frames[0].keyframe) throw new Error(`${path} must start with a keyframe`);
  const clip = { width, height, frameRate: rate / scale, frames };
  clips.set(path, clip);
  return clip;
}

/** Max VP8 bytes per RTP packet (stays far below the loopback MTU with SRTP and extensions). */
const MAX_CHUNK = 1100;

/**
 * Cuts one frame into RTP payloads: a 4-byte descriptor (X, S on the first packet, 15-bit picture
 * id) followed by up to MAX_CHUNK bytes of the frame.
 */
export function packetizeVp8(frame: Buffer, pictureId: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < frame.length; at += MAX_CHUNK) {
    const chunk = frame.subarray(at, Math.min(frame.length, at + MAX_CHUNK));
    const descriptor = Buffer.from([at === 0 ? 0x90 : 0x80, 0x80, 0x80 | ((pictureId >> 8) & 0x7f), pictureId & 0xff]);
    out.push(Buffer.concat([descriptor, chunk]));
  }
  return out;
}
