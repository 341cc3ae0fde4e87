// Docs generated from the SDK's sources:
//   tsx scripts/docs.ts              rewrite the element reference in README.md
//   tsx scripts/docs.ts --check      exit 1 when README.md's element reference is stale
//   tsx scripts/docs.ts --manifest   write dist/custom-elements.json and, from it, the React and Vue
//                                    template typings dist/npm/react.d.ts, vue.d.ts (part of `npm run build`)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, root } from './docs/manifest.js';
import { renderReference, withReference } from './docs/reference.js';
import { renderReactTypes, renderVueTypes } from './docs/frameworks.js';

const manifest = buildManifest();
const arg = process.argv[2];
if (arg === '--manifest') {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(join(root, 'dist', 'npm'), { recursive: true });
  writeFileSync(join(root, 'dist', 'npm', 'react.d.ts'), renderReactTypes(manifest));
  writeFileSync(join(root, 'dist', 'npm', 'vue.d.ts'), renderVueTypes(manifest));
} else {
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const fresh = withReference(readme, renderReference(manifest));
  if (arg === '--check') {
    if (fresh !== readme) {
      console.error('README.md: the element reference is stale; run `npm run docs` and commit README.md');
      process.exit(1);
    }
    console.log('README.md: element reference up to date');
  } else if (fresh !== readme) {
    writeFileSync(path, fresh);
    console.log('README.md: element reference rewritten');
  }
}
