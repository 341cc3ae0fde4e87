// Demo employees in the browser: each one a separate browser context (own cookies, own fake
// camera), signed in to the demo portal through its sign-in page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WAIT_MS } from '../wait.js';

export interface Person {
  id: string;
  context: BrowserContext;
  page: Page;
  /** Opens a portal page (path like `/journal`) and waits for the SDK to register its elements. */
  goto(path: string): Promise<void>;
  close(): Promise<void>;
}

export async function signIn(browser: Browser, portalUrl: string, id: string, lang: 'de' | 'en' = 'de'): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: lang === 'de' ? 'de-DE' : 'en-GB' });
  // Every wait without its own deadline (clicks, waitForFunction) holds on a busy two-core machine.
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log(`[${id}] page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || process.env.PAGE_LOG) console.log(`[${id}] ${msg.type()}: ${msg.text().replace(/access_token=[^&\s']+/g, 'access_token=<redacted>')}`);
  });
  await page.goto(`${portalUrl}/lang/${lang}?back=/login`);
  await page.locator(`button[data-user="${id}"]`).click();
  await page.waitForURL(`${portalUrl}/`);
  const person: Person = {
    id,
    context,
    page,
    async goto(path) {
      await page.goto(`${portalUrl}${path}`);
      await page.waitForFunction(() => !!customElements.get('timio-call-button'));
    },
    close: () => context.close(),
  };
  await page.waitForFunction(() => !!customElements.get('timio-call-button'));
  return person;
}
