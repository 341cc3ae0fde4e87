// Test helper: bundles page-client.ts with esbuild, serves it on 127.0.0.1 and opens pages in
// headless Chromium (fake camera and microphone) that join the dev media server.
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../testing/chromium.js';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

export interface PageHost {
  browser: Browser;
  origin: string;
  openPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startPageHost(): Promise<PageHost> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./page-client.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0].text;
  const server: Server = createServer((req, res) => {
    if (req.url === '/client.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(js);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><html><body><script src="/client.js"></script></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    browser,
    origin,
    async openPage() {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (process.env.PAGE_LOG || msg.type() === 'error') console.log(`[page] ${msg.type()}: ${msg.text()}`);
      });
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => 'lk' in window);
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function roomToken(identity: string, room: string, grant: Partial<VideoGrant> = {}, extra: { name?: string; metadata?: string; attributes?: Record<string, string>; ttl?: number } = {}): Promise<string> {
  const at = new AccessToken('devkey', 'secret', { identity, name: extra.name ?? identity, metadata: extra.metadata, attributes: extra.attributes, ttl: extra.ttl ?? 600 });
  at.addGrant({ roomJoin: true, room, ...grant });
  return at.toJwt();
}
