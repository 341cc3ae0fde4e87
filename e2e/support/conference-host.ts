// Serves a page with the conference (sdk/src/views bundled by esbuild from source) and the room
// routes' stand-in under /ts, on a port-0 server, for screenshots and checks against a real media server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { roomRoutesStandIn, type StandInOptions } from './room-routes-stand-in.js';

export interface ConferenceHost { origin: string; close(): Promise<void> }

export async function startConferenceHost(options: StandInOptions): Promise<ConferenceHost> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./conference-entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
  });
  const js = out.outputFiles[0]!.text;
  const routes = roomRoutesStandIn(options);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.startsWith('/ts/')) {
      routes(req, res, url.pathname.slice(3)).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal', message: String(err) } }));
      });
      return;
    }
    if (url.pathname === '/conference.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(js);
      return;
    }
    const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'de';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="${lang}"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>conference</title><script type="module" src="/conference.js"></script></head><body style="margin:0;background:#e8ecf1"></body></html>`);
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
