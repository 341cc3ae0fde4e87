// Screenshots of the SDK's light part as a portal page shows it, in German and English:
// the call buttons beside contacts, the contact menu (by right click, and by a click on the name
// of a signed-in and of a signed-out contact, with the host's registered contact actions), the
// incoming-call popup, the caller's
// "ringing" state and the room invitation. The page loads the built dist/timio.js through its
// script tag; the token service's realtime socket and REST answers are played by Playwright
// (routeWebSocket/route) so each state can be shown on demand.
//
//   npm run build && unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-light.ts'
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { launchChromium } from '../testing/cross-process/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const out = join(root, 'artifacts');

const people = [
  { id: 'anna', name: 'Anna Schmidt', status: 'online', role: { de: 'Vertrieb', en: 'Sales' } },
  { id: 'ben', name: 'Ben Müller', status: 'busy', role: { de: 'Einkauf', en: 'Purchasing' } },
  { id: 'carla', name: 'Carla Weiß', status: 'offline', role: { de: 'Personal', en: 'HR' } },
  { id: 'deniz', name: 'Deniz Yılmaz', status: 'online', role: { de: 'IT-Service', en: 'IT service' } },
] as const;

type Lang = 'de' | 'en';

function pageHtml(lang: Lang): string {
  const t = lang === 'de'
    ? { title: 'Mitarbeiterverzeichnis', profile: 'Profil anzeigen', message: 'Nachricht schreiben', name: 'Name', dept: 'Abteilung' }
    : { title: 'Employee directory', profile: 'View profile', message: 'Send a message', name: 'Name', dept: 'Department' };
  const rows = people.map((p) => `<tr><td><span class="contact"><timio-contact contact="${p.id}"><span class="avatar" aria-hidden="true">${p.name.split(' ').map((w) => w[0]).join('')}</span>${p.name}</timio-contact>
      <timio-call-button contact="${p.id}" name="${p.name}"></timio-call-button></span></td><td>${p.role[lang]}</td></tr>`).join('\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${t.title}</title>
<script type="module">
  // "Weitere Kontaktoptionen": registered once, offered in every contact menu.
  import { timio } from '/sdk/timio.js';
  timio.registerContactActions([
    { id: 'profile', label: ${JSON.stringify(t.profile)}, href: (c) => '#profile-' + c.id },
    { id: 'message', label: ${JSON.stringify(t.message)}, run: () => undefined },
  ]);
</script>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1f2328; }
  header { background: #0b3d6b; color: #fff; padding: 12px 24px; font-weight: 600; }
  main { padding: 24px; }
  table { border-collapse: collapse; background: #fff; min-width: 460px; box-shadow: 0 1px 3px rgba(0,0,0,.1); border-radius: 8px; overflow: hidden; }
  th, td { text-align: left; padding: 10px 16px; border-bottom: 1px solid #e6e9ed; }
  th { background: #eef1f4; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #59636e; }
  .contact { display: inline-flex; align-items: center; min-height: 28px; }
  .avatar { display: inline-grid; place-items: center; width: 26px; height: 26px; margin-right: 8px; border-radius: 50%; background: #dbe6f3; color: #0b3d6b; font-size: 11px; font-weight: 700; line-height: 1; vertical-align: middle; }
</style></head>
<body><timio-config token-service-url="/ts" portal-token-url="/portal-token"></timio-config>
<header>TIMIO Portal</header>
<main><h1 style="font-size:20px">${t.title}</h1>
<table id="directory"><thead><tr><th>${t.name}</th><th>${t.dept}</th></tr></thead><tbody>${rows}</tbody></table></main>
</body></html>`;
}

const types: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json' };

async function main() {
  await mkdir(out, { recursive: true });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/de' || url.pathname === '/en') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(pageHtml(url.pathname.slice(1) as Lang));
    }
    if (url.pathname === '/portal-token') {
      res.setHeader('content-type', 'application/json');
      return res.end(JSON.stringify({ token: 'header.eyJzdWIiOiJtZSJ9.sig', expiresAt: new Date(Date.now() + 3600_000).toISOString() }));
    }
    if (url.pathname.startsWith('/sdk/')) {
      const file = normalize(join(dist, url.pathname.slice(5)));
      if (!file.startsWith(dist)) return res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
        return res.end(body);
      } catch {
        return res.writeHead(404).end();
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const lang of ['de', 'en'] as const) {
      const context = await browser.newContext({ viewport: { width: 900, height: 560 }, deviceScaleFactor: 1, locale: lang === 'de' ? 'de-DE' : 'en-GB' });

      /** A page of the portal whose realtime socket the script plays; returns a sender. */
      const open = async (): Promise<{ page: Page; send: (m: unknown) => void }> => {
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error(`[page ${lang}]`, e.message));
        let socket: { send(m: string): void } | undefined;
        const ready = new Promise<void>((resolve) => {
          void page.routeWebSocket('**/ts/v1/realtime', (ws) => {
            socket = ws;
            ws.onMessage((raw) => {
              const m = JSON.parse(String(raw)) as { type: string; add?: string[] };
              if (m.type === 'auth') ws.send(JSON.stringify({ type: 'ready', user: { id: 'me', name: 'Eva Klein' }, page: 'p1' }));
              if (m.type === 'watch' && m.add) {
                ws.send(JSON.stringify({ type: 'presence', users: m.add.map((id) => ({ id, status: people.find((p) => p.id === id)?.status ?? 'offline' })) }));
                resolve();
              }
            });
          });
        });
        await page.goto(`${base}/${lang}`);
        await ready;
        await page.waitForFunction(() => document.querySelectorAll('timio-call-button[status="online"]').length === 2);
        return { page, send: (m) => socket!.send(JSON.stringify(m)) };
      };
      const shot = async (page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }) => {
        const file = join(out, `light-${name}-${lang}.png`);
        await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
        written.push(file);
      };

      // 1. Video buttons beside the names: online, busy (disabled), offline (hidden).
      {
        const { page } = await open();
        await page.locator('timio-call-button[contact="anna"]').locator('button').focus();
        await shot(page, 'call-buttons', { x: 0, y: 0, width: 560, height: 330 });
        await page.close();
      }

      // 2. The contact menu, opened by right click.
      {
        const { page } = await open();
        const name = page.locator('timio-contact[contact="anna"]');
        const box = (await name.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
        await page.waitForFunction(() => document.querySelector('timio-contact[contact="anna"]')!.shadowRoot!.querySelector('[part="menu"]')!.matches(':popover-open'));
        await shot(page, 'contact-menu', { x: 0, y: 0, width: 560, height: 400 });
        await page.close();
      }

      // 2b. The contact menu opened by a click on the name: signed in (video item), and signed
      // out (a line saying so, no video item); the registered actions in both.
      for (const [id, state] of [['anna', 'online'], ['carla', 'offline']] as const) {
        const { page } = await open();
        await page.locator(`timio-contact[contact="${id}"]`).click();
        await page.waitForFunction((c) => document.querySelector(`timio-contact[contact="${c}"]`)!.shadowRoot!.querySelector('[part="menu"]')!.matches(':popover-open'), id);
        const hasItem = await page.locator(`timio-contact[contact="${id}"]`).evaluate((el) => !!el.shadowRoot!.querySelector('[part="item"]'));
        if (hasItem !== (state === 'online')) throw new Error(`${id}: the video item must show only while signed in`);
        await page.mouse.move(0, 0);
        await shot(page, `contact-menu-click-${state}`, { x: 0, y: 0, width: 560, height: 560 });
        await page.close();
      }

      // 3. An incoming call rings.
      {
        const { page, send } = await open();
        const now = new Date().toISOString();
        send({ type: 'call', call: { id: 'a1b2c3d4e5f6a1b2c3d4e5f6', room: 'call-1', caller: { id: 'anna', name: 'Anna Schmidt' }, callee: { id: 'me', name: 'Eva Klein' }, state: 'ringing', createdAt: now } });
        await page.waitForFunction(() => document.querySelector('timio-notifications')?.shadowRoot?.querySelector('.incoming'));
        await page.waitForTimeout(300); // the popup's entrance animation
        await shot(page, 'incoming-call');
        await page.close();
      }

      // 4. The caller's side: ringing at the contact.
      {
        const { page } = await open();
        await page.route('**/ts/v1/calls', (route) => route.fulfill({
          status: 201,
          contentType: 'application/json',
          body: JSON.stringify({ call: { id: 'f6e5d4c3b2a1f6e5d4c3b2a1', room: 'call-2', caller: { id: 'me', name: 'Eva Klein' }, callee: { id: 'deniz', name: 'Deniz Yılmaz' }, state: 'ringing', createdAt: new Date().toISOString() }, token: 'x', url: 'ws://127.0.0.1:9' }),
        }));
        await page.locator('timio-call-button[contact="deniz"]').locator('button').click();
        await page.waitForFunction(() => document.querySelector('timio-notifications')?.shadowRoot?.querySelector('.outgoing[data-phase="ringing"]'));
        await page.waitForTimeout(300);
        await shot(page, 'outgoing-ringing');
        await page.close();
      }

      // 5. "Call all members": the room invitation with "Teilnehmen".
      {
        const { page, send } = await open();
        send({ type: 'room-ring', ring: { id: 'r1', room: 'vertrieb', roomName: lang === 'de' ? 'Vertrieb Nord' : 'Sales North', caller: { id: 'anna', name: 'Anna Schmidt' }, at: new Date().toISOString() } });
        await page.waitForFunction(() => document.querySelector('timio-notifications')?.shadowRoot?.querySelector('.ring'));
        await page.waitForTimeout(300);
        await shot(page, 'room-ring');
        await page.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  for (const f of written) console.log(f);
}

await main();
