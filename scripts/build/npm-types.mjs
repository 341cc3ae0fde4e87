#!/usr/bin/env node
// The npm package's .d.ts files (tsconfig.npm.json), laid out as rollup lays out dist/npm's modules:
// sdk/src/a/b.ts → dist/npm/a/b.d.ts, and the wire protocol (protocol/, which the SDK imports as
// `#protocol/…` through package.json "imports") → dist/npm/protocol/. tsc alone can do neither: its
// rootDir must hold both folders, and it keeps the `#protocol/…` specifiers, which a consumer cannot
// resolve (the package ships dist/ only). Here they become relative paths into dist/npm/protocol/.
// Usage: node scripts/build/npm-types.mjs   (part of `npm run build`)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist', 'npm');

const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.npm.json'), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => fail([d]),
});
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });

/** Where a .d.ts that tsc would write under outDir (mirroring the repository) goes in dist/npm. */
function target(file) {
  const rel = relative(config.options.outDir, file);
  if (rel.startsWith('sdk/src/')) return join(out, rel.slice('sdk/src/'.length));
  if (rel.startsWith('protocol/')) return join(out, rel);
  throw new Error(`npm-types: ${rel} is neither in sdk/src nor in protocol`);
}

const emitted = program.emit(undefined, (file, text) => {
  const to = target(file);
  const fromHere = (path) => {
    const r = relative(dirname(to), join(out, 'protocol', path)).split('\\').join('/');
    return r.startsWith('.') ? r : `./${r}`;
  };
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, text.replace(/(["'])#protocol\/([^"']+)\1/g, (_, q, path) => `${q}${fromHere(path)}${q}`));
}, undefined, true);

const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length) fail(diagnostics);

function fail(list) {
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(list, {
    getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n',
  }));
  process.exit(1);
}
