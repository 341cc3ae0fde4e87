// Demo employees in the browser: each one a separate browser context (own cookies, own fake
// camera), signed in to the demo portal through its sign-in page.
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../testing/chromium.js';

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

/** What every suite's stack offers the people helper: the portal they sign in to, and a close. */
interface PortalStack { portal: { url: string }; close(): Promise<void> }

/** A suite's stack, browser and people (read `stack` and `browser` inside tests and hooks only). */
export interface Cast<S extends PortalStack> {
  readonly stack: S;
  readonly browser: Browser;
  /** Everyone signed in so far, in order. */
  readonly people: Person[];
  /** Signs `id` in, in a browser context of their own, and keeps them for the end. */
  person(id: string, lang: 'de' | 'en'): Promise<Person>;
}

/**
 * Registers the suite's `before` (the stack from `start` and Chromium, side by side; an artifacts/
 * folder for screenshots) and `after` (everyone's context, the browser, the stack), so a suite
 * only says which stack it needs and who signs in.
 */
export function castFor<S extends PortalStack>(start: () => Promise<S>): Cast<S> {
  let stack: S | undefined;
  let browser: Browser | undefined;
  const people: Person[] = [];
  before(async () => {
    [stack, browser] = await Promise.all([start(), launchChromium()]);
    mkdirSync('artifacts', { recursive: true });
  });
  after(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await browser?.close();
    await stack?.close();
  });
  const started = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('the suite has not started yet (read the cast in tests and hooks)');
    return v;
  };
  return {
    get stack() { return started(stack); },
    get browser() { return started(browser); },
    people,
    async person(id, lang) {
      const p = await signIn(started(browser), started(stack).portal.url, id, lang);
      people.push(p);
      return p;
    },
  };
}
