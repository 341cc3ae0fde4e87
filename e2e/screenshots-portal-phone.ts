// Screenshots of the demo portal on a phone (390×844, touch) and a laptop (1280×800), German and
// English: the directory, the chat rooms with "Neuen Raum anlegen", a chat room and its contact menu
// opened by a tap on a picture. Real token service, dev media server and portal (testing's stack).
//
//   unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-portal-phone.ts'
import { mkdir } from 'node:fs/promises';
import { startStack } from '../testing/cross-process/stack.js';
import { launchChromium } from '../testing/cross-process/chromium.js';

const sizes = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 800 } } as const;

async function main() {
  await mkdir('artifacts', { recursive: true });
  const [stack, browser] = await Promise.all([startStack({ PRESENCE_GRACE_SECONDS: '1' }), launchChromium()]);
  try {
    for (const lang of ['de', 'en'] as const) {
      for (const [size, viewport] of Object.entries(sizes)) {
        const phone = size === 'phone';
        const context = await browser.newContext({ viewport, hasTouch: phone, isMobile: phone, locale: lang === 'de' ? 'de-DE' : 'en-GB' });
        const page = await context.newPage();
        await page.goto(`${stack.portal.url}/lang/${lang}?back=/login`);
        await page.locator('button[data-user="anna"]').click();
        await page.waitForURL(`${stack.portal.url}/`);
        await page.waitForFunction(() => !!customElements.get('timio-contact'));
        const shot = (name: string) => page.screenshot({ path: `artifacts/portal-${name}-${size}-${lang}.png`, fullPage: name !== 'contact-menu' });
        await shot('directory');
        await page.locator('tr[data-contact="ben"] timio-contact .avatar').click();
        await page.waitForTimeout(400);
        await page.screenshot({ path: `artifacts/portal-contact-menu-${size}-${lang}.png` });
        await page.goto(`${stack.portal.url}/chat`);
        await shot('rooms');
        await page.goto(`${stack.portal.url}/chat/vertrieb`);
        await page.waitForFunction(() => !!customElements.get('timio-room-bar'));
        await page.waitForTimeout(500);
        await shot('room');
        await context.close();
        console.log(`portal ${lang} ${size} done`);
      }
    }
  } finally {
    await browser.close();
    await stack.close();
  }
}

await main();
