// The Custom Elements Manifest of the SDK, built from the components' sources and JSDoc by
// @custom-elements-manifest/analyzer with its Lit plugin (reactive properties, attributes).
// Module paths point at the published ES modules (dist/npm/…js), not at the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import type { Package } from 'custom-elements-manifest/schema';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = join(root, 'sdk', 'src');
/** The wire protocol (protocol/): published as dist/npm/protocol/ beside the SDK's modules. */
const protocol = join(root, 'protocol');

/** Every SDK source file, tests and test helpers left out, in a stable order. */
function sourceFiles(dir = sources): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(p);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [p] : [];
    });
}

export function buildManifest(): Package {
  const modules = [...sourceFiles(), ...sourceFiles(protocol)].map((file) =>
    ts.createSourceFile(relative(root, file), readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS),
  );
  const manifest = create({ modules, plugins: [...litPlugin()], context: { dev: false } }) as Package;
  // Modules that hold only types emit no JavaScript (dist/npm has just their .d.ts): leave them out.
  // The package's entries stay, declarations or not: their exports say which elements a host
  // imports from where (the framework typings are generated from them).
  const entries = ['sdk/src/index.ts', 'sdk/src/guest.ts', 'sdk/src/history.ts'];
  manifest.modules = manifest.modules.filter((m) => (m.declarations ?? []).length > 0 || entries.includes(m.path));
  for (const mod of manifest.modules) for (const decl of mod.declarations ?? []) if ('events' in decl && decl.events) decl.events = documentedEvents(decl.events);
  // sdk/src/a/b.ts → dist/npm/a/b.js, protocol/a.ts and an export's `#protocol/a.js` → dist/npm/protocol/a.js,
  // wherever the manifest names a module
  const text = JSON.stringify(manifest)
    .replace(/"sdk\/src\/([^"]+)\.ts"/g, '"dist/npm/$1.js"')
    .replace(/"protocol\/([^"]+)\.ts"/g, '"dist/npm/protocol/$1.js"')
    .replace(/"#protocol\/([^"]+)"/g, '"dist/npm/protocol/$1"');
  return JSON.parse(text) as Package;
}

/**
 * The analyzer also reads `dispatchEvent(new SomeEvent(arg))` and names such an event after the
 * argument ("contact"); our events are classes whose names the JSDoc @event tags give. Keep the
 * timio-… events, one entry each, the documented one first.
 */
function documentedEvents<E extends { name?: string; description?: string }>(events: E[]): E[] {
  const byName = new Map<string, E>();
  for (const e of events) {
    if (!e.name?.startsWith('timio-')) continue;
    const seen = byName.get(e.name);
    if (!seen || (!seen.description && e.description)) byName.set(e.name, e);
  }
  return [...byName.values()];
}
