// One page for browser tests: a TypeScript entry bundled by esbuild straight from source (with the
// project's tsconfig, so Lit decorators compile), served with a blank HTML page by a port-0 server
// on 127.0.0.1. Used by the livekit-client page harness and the call-window host.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const bundles = new Map<string, Promise<string>>();

/** The entry bundled into one script; built once per process and entry. */
export function bundleEntry(entry: URL, format: 'iife' | 'esm' = 'esm'): Promise<string> {
  const path = fileURLToPath(entry);
  const key = `${format}:${path}`;
  let js = bundles.get(key);
  if (!js) {
    js = build({ entryPoints: [path], bundle: true, format, write: false, target: 'es2022', logLevel: 'silent', tsconfig: TSCONFIG })
      .then((r) => r.outputFiles[0]!.text);
    bundles.set(key, js);
  }
  return js;
}

export interface TestPageOptions {
  /** The TypeScript entry, e.g. new URL('../entry.ts', import.meta.url). */
  entry: URL;
  format?: 'iife' | 'esm';
  title: string;
  lang?: string;
  bodyStyle?: string;
  /** Folders served as they are: URL prefix (e.g. '/effects/') → folder on disk. */
  folders?: Record<string, string>;
  /** Extra response headers of the page (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
}

const TYPES: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm', svg: 'image/svg+xml', png: 'image/png' };

export interface TestPageServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `/page.js` (the bundle) and, at every other path, a blank page that loads it. */
export async function serveTestPage(opts: TestPageOptions): Promise<TestPageServer> {
  const format = opts.format ?? 'esm';
  const js = await bundleEntry(opts.entry, format);
  const type = format === 'esm' ? ' type="module"' : '';
  const style = opts.bodyStyle ? ` style="${opts.bodyStyle}"` : '';
  const html = `<!doctype html><html lang="${opts.lang ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${opts.title}</title></head>`
    + `<body${style}><script${type} src="/page.js"></script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' });
      res.end(js);
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    for (const [prefix, folder] of Object.entries(opts.folders ?? {})) {
      if (!path.startsWith(prefix)) continue;
      const file = resolve(folder, `.${path.slice(prefix.length - 1)}`);
      if (!file.startsWith(resolve(folder)) || !existsSync(file)) break;
      res.writeHead(200, { 'Content-Type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream', ...opts.headers });
      res.end(readFileSync(file));
      return;
    }
    if (path !== '/' && /\.\w+$/.test(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...opts.headers });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
