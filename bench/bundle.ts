// Bundle size of the SDK as a page loads it (bench/lib/bundle-parts.ts says what each row counts):
// the light part (dist/timio.js and its static chunks), what opening a 1:1 call adds, what opening
// a conference adds (each without livekit-client, which is a row of its own), and the parts that
// load only on a click. gzip -9 sizes. Needs `npm run build` first.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { CALL_BUDGET_BYTES, CONFERENCE_BUDGET_BYTES, LIGHT_BUDGET_BYTES, bundleParts } from './lib/bundle-parts.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const entry = join(dist, 'timio.js');
if (!existsSync(entry)) {
  console.error('bench/bundle: dist/timio.js is missing; run `npm run build` first');
  process.exit(1);
}

const parts = bundleParts(dist);
const { light, lightBytes, livekitInLight } = parts;
const rows = [parts.calls, parts.call, parts.callEnglish, parts.conference, parts.conferenceEnglish, parts.livekit, ...parts.onClick];
const lazyFiles = rows.flatMap((r) => r.files);

console.log(`light part: ${[...light].map((f) => f.slice(dist.length + 1)).join(' + ')}`);
const row = (metric: string, value: number | string, unit: string, target: string, ok: boolean) =>
  console.log(`BENCH ${JSON.stringify({ bench: 'bundle', metric, value, unit, target, ok })}`);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
process.stderr.write(`light part: ${lightBytes} bytes gzip\n`);
row('light part (timio.js + static chunks), gzip', kb(lightBytes), 'KB', `<= ${LIGHT_BUDGET_BYTES / 1024} KB`, lightBytes <= LIGHT_BUDGET_BYTES);
for (const r of rows) {
  console.log(`${r.name}: ${r.files.join(' + ')}`);
  const budget = r === parts.call || r === parts.callEnglish ? CALL_BUDGET_BYTES : r === parts.conference || r === parts.conferenceEnglish ? CONFERENCE_BUDGET_BYTES : undefined;
  row(`${r.name}, gzip`, kb(r.bytes), 'KB', budget ? `<= ${budget / 1024} KB` : '', budget ? r.bytes <= budget : true);
}
row('everything a call or a conference can add (livekit-client and click parts included), gzip', kb(parts.lazyBytes), 'KB', '', parts.unaccounted.length === 0);
row('livekit-client in the light part', livekitInLight ? 'yes' : 'no', '', 'no', !livekitInLight);

// The same figure as a browser sees it: a page with 50 contacts (call button + contact menu each)
// loads the SDK by its script tag; every JavaScript file it fetches is summed (gzip -9 of each body,
// what a server with compression sends). The call chunk must not be among them.
const contacts = Array.from({ length: 50 }, (_, i) => `<li><timio-contact contact="user${i}">User ${i}</timio-contact><timio-call-button contact="user${i}" name="User ${i}" presence="online"></timio-call-button></li>`).join('\n');
const pageHtml = `<!doctype html><html lang="de"><head><meta charset="utf-8"><script type="module" src="/sdk/timio.js"></script></head>
<body><timio-config token-service-url="http://127.0.0.1:9" portal-token-url="/portal-token"></timio-config><ul>${contacts}</ul></body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml);
  const file = resolve(dist, '.' + path.replace(/^\/sdk/, ''));
  if (path.startsWith('/sdk/') && file.startsWith(dist) && existsSync(file)) {
    return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const fetched = new Map<string, number>();
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    const body = await response.body().catch(() => undefined);
    if (body) fetched.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
  });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.querySelectorAll('timio-call-button').length === 50 && !!customElements.get('timio-call-button'));
  const shown = await page.locator('timio-call-button button').count();
  const total = [...fetched.values()].reduce((a, b) => a + b, 0);
  const callChunkLoaded = [...fetched.keys()].some((p) => lazyFiles.some((f) => f.endsWith(p.replace(/^\/sdk\//, ''))));
  console.log(`page with 50 call buttons (${shown} rendered) fetched: ${[...fetched.keys()].join(', ')}`);
  row('page with 50 call buttons: JS fetched, gzip', kb(total), 'KB', `<= ${LIGHT_BUDGET_BYTES / 1024} KB`, total <= LIGHT_BUDGET_BYTES && !callChunkLoaded);
} finally {
  await browser.close();
  server.close();
}
