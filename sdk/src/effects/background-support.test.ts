// The background support check in the test browsers: their WebAssembly has SIMD (the module the
// check validates is a real SIMD module, accepted), and an engine without SIMD, which rejects
// that module, gets 'no-simd' (the views then say the background is unavailable in this browser
// instead of starting a segmentation whose only shipped build would fail to load).
import { expect } from '@open-wc/testing';
import { SIMD_MODULE, checkBackgroundSupport } from './background-support.js';
import { effectsDe } from '../views/i18n/effects.js';
import { effectsEn } from '../views/i18n/en.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

describe('background support', () => {
  it('this browser\'s WebAssembly accepts the SIMD module; a module without its SIMD instruction is invalid', () => {
    expect(WebAssembly.validate(SIMD_MODULE)).to.equal(true);
    // the same bytes with v128.const (0xfd 0x0c) replaced by an unknown opcode: rejected, so the
    // check looks at the SIMD instruction, not at any module
    const broken = SIMD_MODULE.slice();
    broken[broken.indexOf(0xfd)] = 0xff;
    expect(WebAssembly.validate(broken)).to.equal(false);
  });

  it('an engine without SIMD gets "no-simd", said in German and English', async () => {
    const noSimd = { validate: (bytes: BufferSource) => (bytes === SIMD_MODULE ? false : WebAssembly.validate(bytes)), compile: WebAssembly.compile };
    expect(await checkBackgroundSupport(noSimd)).to.equal('no-simd');
    expect(effectsDe.unsupported['no-simd']).to.match(/nicht verfügbar.*SIMD/);
    expect(effectsEn.unsupported['no-simd']).to.match(/not available.*SIMD/);
  });

  it('this browser: "ok" where it has WebGL2 (Chromium), "no-webgl" where not (headless Firefox)', async () => {
    const webgl = !!document.createElement('canvas').getContext('webgl2');
    expect(await checkBackgroundSupport()).to.equal(webgl ? 'ok' : 'no-webgl');
  });
});
