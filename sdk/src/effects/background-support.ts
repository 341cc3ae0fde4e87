// Whether this browser and page can run the camera background, checked without loading it:
// WebAssembly with SIMD (the only segmentation build the SDK ships is the SIMD one), a WebGL2
// context (MediaPipe's segmentation graph runs on one) and a Content-Security-Policy that lets
// WebAssembly compile ('wasm-unsafe-eval'). Where one is missing the views offer no background
// at all and say why. Checked once per page.
export type BackgroundSupport = 'ok' | 'no-wasm' | 'no-simd' | 'no-webgl' | 'csp';

/** The smallest valid WebAssembly module: its header. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * A module with one function that returns a 128-bit vector constant (`v128.const`): only a
 * runtime with WebAssembly SIMD accepts it. Validating compiles nothing, so the page's CSP does
 * not matter for this check.
 */
export const SIMD_MODULE = new Uint8Array([
  ...EMPTY_MODULE,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x16, 0x01, 0x14, 0x00, 0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x0b, // code: v128.const 0, end
]);

let checked: Promise<BackgroundSupport> | undefined;

export function backgroundSupport(): Promise<BackgroundSupport> {
  checked ??= checkBackgroundSupport();
  return checked;
}

/** The check itself; `wasm` is the page's WebAssembly (another one only in tests). */
export async function checkBackgroundSupport(wasm: Pick<typeof WebAssembly, 'validate' | 'compile'> | undefined = globalThis.WebAssembly): Promise<BackgroundSupport> {
  if (typeof wasm !== 'object' || typeof document === 'undefined') return 'no-wasm';
  if (!wasm.validate(SIMD_MODULE)) return 'no-simd';
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no-webgl';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  try {
    await wasm.compile(EMPTY_MODULE);
  } catch {
    // a page whose script-src lacks 'wasm-unsafe-eval' refuses to compile any module
    return 'csp';
  }
  return 'ok';
}
