// Serves a blank page with the call window (sdk/src/views bundled by esbuild from source) on a
// port-0 server, for tests of the window against a real media server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface CallWindowHost { origin: string; close(): Promise<void> }

export async function startCallWindowHost(): Promise<CallWindowHost> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./call-window-entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
  });
  const js = out.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/call-window.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(js);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="de"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>call window</title><script type="module" src="/call-window.js"></script></head><body style="margin:0;background:#e8ecf1"></body></html>');
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
