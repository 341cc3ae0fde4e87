// The builds of the SDK:
//  - dist/timio-guest.js: the guest page's entry (<timio-guest-join> only), for invite links.
//  - dist/timio-history.js: <timio-call-history> for a journal page, beside timio.js.
//  - dist/timio.js: one ES module for a <script type="module"> tag. The call/conference code is
//    reached only through dynamic import() and lands in its own chunk (dist/chunks/), fetched when
//    a call starts, so pages that only show buttons stay small.
//  - dist/npm/: unminified ES modules for bundlers; .d.ts files come from `tsc -p tsconfig.npm.json`.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { compactCssPlugin } from './scripts/build/compact-css.mjs';
import { effectsAssetsPlugin } from './scripts/build/effects-assets.mjs';
import { scriptChunks } from './scripts/build/session-chunk.mjs';

const plugins = (minify) => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import'] }),
  ...(minify ? [compactCssPlugin()] : []),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }),
  ...(minify ? [terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } })] : []),
];

// The employees' entry and the guest entry are built apart: in one build the code both use would
// land in shared chunks, and a page would fetch the light part as three separately compressed files
// (about 1 KB gz more). Built apart, each entry is a small facade over one chunk of its own; the
// views chunk imports from that chunk, never from the entry file itself (a page that loads
// timio.js?v=2 would otherwise run the SDK twice). The livekit chunk comes out byte for byte the
// same from both builds, so it is one file; the views chunk exists once per entry.
const script = (name, input) => ({
  input: { [name]: input },
  output: {
    dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true,
    // livekit-client and its dependencies in a chunk of their own (loaded with the session chunk),
    // so bench/bundle can report the SDK's code apart; the session chunk shared by the call window
    // and the conference (scripts/build/session-chunk.mjs).
    manualChunks: scriptChunks(name),
  },
  plugins: [...plugins(true), effectsAssetsPlugin()],
});

export default [
  script('timio', 'sdk/src/index.ts'),
  script('timio-guest', 'sdk/src/guest.ts'),
  // Apart from timio.js (which the page loads too): sharing its chunk would add exports to the light part.
  script('timio-history', 'sdk/src/history.ts'),
  {
    input: { index: 'sdk/src/index.ts', guest: 'sdk/src/guest.ts', history: 'sdk/src/history.ts' },
    output: { dir: 'dist/npm', format: 'es', preserveModules: true, preserveModulesRoot: 'sdk/src', sourcemap: true },
    external: (id) => /^(lit|@lit|livekit-client)(\/|$)/.test(id),
    plugins: plugins(false),
  },
];
