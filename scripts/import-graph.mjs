#!/usr/bin/env node
// The import graph of the tree's TypeScript files, and every import circle in it. Exits 1 when
// there is a circle, listing each one (all files of each strongly connected part, and one circle
// through them), or when a server imports the SDK (see `forbidden`). Counts every import: static,
// type-only, re-exports and dynamic `import()`; `#protocol/…` is the wire protocol, `#node-lib/…` the
// Node helpers the servers share (package.json "imports").
// Usage: node scripts/import-graph.mjs [--edges]   (--edges also prints every edge)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folders = ['protocol', 'node-lib', 'sdk', 'token-service', 'dev-media-server', 'demo-host', 'testing', 'e2e', 'bench', 'scripts'];
const skip = new Set(['node_modules', 'dist', '.git']);

function* tsFiles(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (/\.(ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/**
 * Servers' code never imports the SDK: what both sides share is the wire protocol (protocol/). The
 * token service's tests may (they drive the SDK's client against the service). The demo portal is
 * a customer's portal: it shares Node helpers with the token service through node-lib/, never the
 * service's own code; and the SDK, code for the browser, uses none of node-lib/.
 */
const forbidden = [
  { from: 'token-service/src/', to: 'sdk/src/' },
  { from: 'dev-media-server/src/', to: 'sdk/src/' },
  { from: 'demo-host/src/', to: 'token-service/src/' },
  { from: 'sdk/src/', to: 'node-lib/' },
];

/** A relative or `#protocol/…` specifier to the .ts file it names (`./x.js` is `./x.ts` under ESM + TS rules). */
function resolveImport(from, specifier) {
  if (specifier.startsWith('#protocol/')) return resolveImport(join(root, 'protocol', 'index.ts'), `./${specifier.slice('#protocol/'.length)}`);
  if (specifier.startsWith('#node-lib/')) return resolveImport(join(root, 'node-lib', 'index.ts'), `./${specifier.slice('#node-lib/'.length)}`);
  if (!specifier.startsWith('.')) return undefined; // packages are leaves, not part of the graph
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m|c)?js$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.mts`, `${stem}.cts`, base, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.(m|c)?ts$/.test(candidate)) return candidate;
  }
  return undefined;
}

export function importGraph() {
  const graph = new Map();
  for (const folder of folders) {
    for (const file of tsFiles(join(root, folder))) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = new Set();
      for (const { fileName } of info.importedFiles) {
        const target = resolveImport(file, fileName);
        if (target) targets.add(target);
      }
      graph.set(file, targets);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components; those with more than one file (or a self import) are circles. */
export function circles(graph) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const parts = [];
  const visit = (v) => {
    meta.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!meta.has(w)) {
        visit(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) {
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
      }
    }
    if (meta.get(v).low === meta.get(v).index) {
      const part = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || graph.get(v).has(v)) parts.push(part.sort());
    }
  };
  for (const v of graph.keys()) if (!meta.has(v)) visit(v);
  return parts.map((part) => ({ files: part, circle: shortestCircle(graph, new Set(part), part[0]) }));
}

/** The shortest way from `start` back to itself inside the part (breadth first). */
function shortestCircle(graph, part, start) {
  const previous = new Map();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v)) {
      if (!part.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0]));
        return [...path, start];
      }
      if (!previous.has(w)) { previous.set(w, v); queue.push(w); }
    }
  }
  return [start];
}

/** Imports that break a rule of `forbidden`, as [from, to] paths relative to the root. */
export function forbiddenImports(graph) {
  const found = [];
  for (const [file, targets] of graph) {
    const from = relative(root, file);
    for (const t of targets) {
      const to = relative(root, t);
      if (forbidden.some((rule) => from.startsWith(rule.from) && to.startsWith(rule.to))) found.push([from, to]);
    }
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const rel = (f) => relative(root, f);
  const edges = [...graph.values()].reduce((n, s) => n + s.size, 0);
  if (process.argv.includes('--edges')) {
    for (const [file, targets] of graph) for (const t of targets) console.log(`${rel(file)} -> ${rel(t)}`);
  }
  const found = circles(graph);
  console.log(`import graph: ${graph.size} files, ${edges} imports between them (${folders.join(', ')})`);
  if (found.length === 0) {
    console.log('no import circles');
  } else {
    console.log(`${found.length} import circle(s):`);
    for (const { files, circle } of found) {
      console.log(`- ${files.length} files: ${files.map(rel).join(', ')}`);
      console.log(`  e.g. ${circle.map(rel).join(' -> ')}`);
    }
  }
  const wrong = forbiddenImports(graph);
  if (wrong.length === 0) {
    console.log(`no forbidden imports (${forbidden.map((r) => `${r.from} -> ${r.to}`).join(', ')})`);
  } else {
    console.log(`${wrong.length} forbidden import(s) (servers share only protocol/ with the SDK):`);
    for (const [from, to] of wrong) console.log(`- ${from} -> ${to}`);
  }
  if (found.length || wrong.length) process.exit(1);
}
