// Screenshots of "Person einladen" as a moderator sees it in the conference, German and English:
// for the running meeting (only the guest's name, e-mail and language) with a link just made (one
// set of actions, in the list), and for a later meeting (the appointment fields). The dialog alone,
// bundled with esbuild (one classic script: file:// pages load no modules), over the conference's dark background, with a stand-in for the token
// service's invite routes (no stack needed). Written to artifacts/.
//
//   npx tsx e2e/screenshots-invite-dialog.ts
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { launchChromium } from '../testing/cross-process/chromium.js';

const entry = `
import { TimioInviteDialog } from './sdk/src/views/conference/invite/invite-dialog.component.js';
customElements.define('timio-invite-dialog', TimioInviteDialog);
const open = [];
const inMinutes = (m) => new Date(Date.now() + m * 60000).toISOString();
const invite = (n, patch) => ({ id: '1111111' + n + '-1111-4111-8111-111111111111', invite: 'a.b.c', url: 'https://portal.example/guest#invite=eyJhbGciOiJIUzI1NiJ9.' + n,
  title: 'Vertrieb', startsAt: inMinutes(0), durationMinutes: 60, expiresAt: inMinutes(780), waitingRoom: false,
  mailto: 'mailto:?subject=Einladung&body=x', ...patch });
open.push(invite(1, { guestName: 'Theo Zweit', title: 'Angebot Müller', startsAt: inMinutes(60 * 26) }));
window.api = {
  create: async (r) => { const made = invite(open.length + 2, { guestName: r.guestName, title: r.title, startsAt: r.startsAt }); open.push(made); return made; },
  open: async () => [...open],
  revoke: async () => undefined,
  calendar: async () => '',
};
`;

async function main(): Promise<void> {
  await mkdir('artifacts', { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), 'timio-invite-shot-'));
  const out = join(dir, 'dialog.js');
  await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' }, bundle: true, format: 'iife', outfile: out, logLevel: 'error' });
  const browser = await launchChromium();
  try {
    for (const lang of ['de', 'en'] as const) {
      const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
        body { margin: 0; min-height: 100vh; background: #14171c; color: #f4f6f8; font: 15px system-ui, sans-serif; }</style></head>
        <body><timio-invite-dialog running room-name="Vertrieb"></timio-invite-dialog><script src="dialog.js"></script></body></html>`;
      await writeFile(join(dir, `${lang}.html`), html);
      const page = await browser.newPage({ viewport: { width: 900, height: 900 }, locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin' });
      await page.goto(`file://${join(dir, `${lang}.html`)}`);
      await page.waitForFunction(() => customElements.get('timio-invite-dialog'));
      await page.evaluate(async () => {
        const el = document.querySelector('timio-invite-dialog') as HTMLElement & { api: unknown; show(): Promise<void> };
        el.api = (window as unknown as { api: unknown }).api;
        await el.show();
      });
      await page.locator('timio-invite-dialog input[name="guestName"]').fill('Maria Gast');
      await page.locator('timio-invite-dialog input[name="email"]').fill('maria@example.com');
      await page.locator('timio-invite-dialog button.create').click();
      await page.locator('timio-invite-dialog li.new').waitFor();
      await page.screenshot({ path: `artifacts/invite-dialog-running-${lang}.png` });
      await page.locator('timio-invite-dialog input[name="when"][value="later"]').click();
      await page.locator('timio-invite-dialog input[name="title"]').waitFor();
      await page.screenshot({ path: `artifacts/invite-dialog-later-${lang}.png` });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();
