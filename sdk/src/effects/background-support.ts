// Whether this browser and page can run the camera background, checked without loading it:
// WebAssembly, a WebGL2 context (MediaPipe's segmentation graph runs on one) and a
// Content-Security-Policy that lets WebAssembly compile ('wasm-unsafe-eval'). Where one is
// missing the views offer no background at all and say why. Checked once per page.
export type BackgroundSupport = 'ok' | 'no-wasm' | 'no-webgl' | 'csp';

/** The smallest valid WebAssembly module: its header. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let checked: Promise<BackgroundSupport> | undefined;

export function backgroundSupport(): Promise<BackgroundSupport> {
  checked ??= check();
  return checked;
}

async function check(): Promise<BackgroundSupport> {
  if (typeof WebAssembly !== 'object' || typeof document === 'undefined') return 'no-wasm';
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no-webgl';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  try {
    await WebAssembly.compile(EMPTY_MODULE);
  } catch {
    // a page whose script-src lacks 'wasm-unsafe-eval' refuses to compile any module
    return 'csp';
  }
  return 'ok';
}
