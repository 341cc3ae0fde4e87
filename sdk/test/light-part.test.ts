// The light part (the script-tag entry and everything it imports statically) never reaches the
// session, the views or livekit-client: they come only through the views loader's import().
// (Import circles are checked for the whole tree by scripts/import-graph.mjs.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s*(?:[^'";]*?from\s*)?['"](\.[^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Static edges (import/export … from); dynamic import() is the on-demand boundary. */
function staticGraph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of files(src)) {
    const targets: string[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts'));
      if (target.startsWith(src) && existsSync(target)) targets.push(target);
    }
    edges.set(file, targets);
  }
  return edges;
}

describe('sdk light part', () => {
  it('the light part (index.ts and what it imports statically) holds no session or views module', () => {
    const statics = staticGraph();
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of statics.get(file) ?? []) walk(next);
    };
    walk(join(src, 'index.ts'));
    const heavy = [...seen].map((f) => relative(src, f)).filter((f) => f.startsWith('session/') || f.startsWith('views/'));
    assert.deepEqual(heavy, []);
    for (const f of seen) assert.doesNotMatch(readFileSync(f, 'utf8'), /from ['"]livekit-client['"]/, relative(src, f));
  });
});
