// Rollup plugin: puts the camera-background files (MediaPipe selfie segmentation: loader script,
// graph, landscape model, SIMD wasm) into dist/effects/, beside dist/chunks/, so a host serves
// them from its own server with the SDK. Copied from the npm package at build time; none is kept
// in the repository, none is fetched at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The files the segmentation asks for (modelSelection 1, browsers with wasm SIMD). */
export const EFFECT_FILES = [
  'selfie_segmentation.js',
  'selfie_segmentation.binarypb',
  'selfie_segmentation_landscape.tflite',
  'selfie_segmentation_solution_simd_wasm_bin.js',
  'selfie_segmentation_solution_simd_wasm_bin.wasm',
];

export function effectsFolder() {
  return dirname(require.resolve('@mediapipe/selfie_segmentation/package.json'));
}

export function effectsAssetsPlugin() {
  return {
    name: 'timio-effects-assets',
    generateBundle() {
      const folder = effectsFolder();
      for (const file of EFFECT_FILES) this.emitFile({ type: 'asset', fileName: `effects/${file}`, source: readFileSync(join(folder, file)) });
    },
  };
}
