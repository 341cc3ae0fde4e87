// Docs generated from the SDK's sources:
//   tsx scripts/docs.ts              rewrite docs/elements.md, the element reference
//   tsx scripts/docs.ts --check      exit 1 when docs/elements.md is stale
//   tsx scripts/docs.ts --manifest   write dist/custom-elements.json and, from it, the React and Vue
//                                    template typings dist/npm/react.d.ts, vue.d.ts (part of `npm run build`)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, root } from './docs/manifest.js';
import { ELEMENTS_DOC, renderReference } from './docs/reference.js';
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
  const path = join(root, ELEMENTS_DOC);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // not written yet: stale for --check, written otherwise
  }
  const fresh = renderReference(manifest);
  if (arg === '--check') {
    if (fresh !== current) {
      console.error(`${ELEMENTS_DOC}: the element reference is stale; run \`npm run docs\` and commit ${ELEMENTS_DOC}`);
      process.exit(1);
    }
    console.log(`${ELEMENTS_DOC}: element reference up to date`);
  } else if (fresh !== current) {
    writeFileSync(path, fresh);
    console.log(`${ELEMENTS_DOC}: element reference rewritten`);
  }
}
