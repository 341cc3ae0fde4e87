// A signed-in employee as the tests see them, in either browser: Chromium through playwright-core,
// Firefox through puppeteer-core over WebDriver BiDi. Selectors are CSS descendant chains that
// reach into the elements' open shadow roots (playwright pierces them itself; for puppeteer
// DEEP_QUERY below does the same).
import type { Browser as PlaywrightBrowser, Page as PlaywrightPage } from 'playwright-core';
import type { Browser as FirefoxBrowser, ElementHandle, Page as FirefoxPage } from 'puppeteer-core-firefox';
import { signIn } from '../../testing/cross-process/people.js';
import { WAIT_FOR_FRAMES, framesAdvance, type VideoFrames } from '../../testing/cross-process/video.js';
import { WAIT_MS, waitUntil } from '../../testing/wait.js';

export type BrowserName = 'chromium' | 'firefox';
export type WaitState = 'visible' | 'hidden' | 'attached' | 'detached';

export interface Visitor {
  id: string;
  browser: BrowserName;
  /** Opens a portal page (path like `/journal`) and waits for the SDK to register its elements. */
  goto(path: string): Promise<void>;
  waitFor(selector: string, opts?: { state?: WaitState; timeout?: number }): Promise<void>;
  click(selector: string, opts?: { button?: 'left' | 'right' }): Promise<void>;
  /** innerText of the first match. */
  text(selector: string): Promise<string>;
  attribute(selector: string, name: string): Promise<string | null>;
  visible(selector: string): Promise<boolean>;
  count(selector: string): Promise<number>;
  screenshot(path: string): Promise<void>;
  /** Resizes the page's viewport (a phone, then back). */
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** Waits until the video shows a picture and paints at least `advance` more frames. */
  framesAdvance(selector: string, opts?: { advance?: number; timeoutMs?: number }): Promise<VideoFrames>;
  /** Runs a function in the page (an arrow function: tsx wraps named ones in a helper the page lacks). */
  evaluate<T>(fn: () => Promise<T> | T): Promise<T>;
  close(): Promise<void>;
}

/** Every wait's deadline: a hang detector that holds on a busy machine (testing/wait.ts). */
const DEFAULT_TIMEOUT = WAIT_MS;

/** `a b[x="1 2"] c` → ['a', 'b[x="1 2"]', 'c']: split at whitespace outside brackets and quotes. */
export function selectorSteps(selector: string): string[] {
  const steps: string[] = [];
  let current = '';
  let quote = '';
  let depth = 0;
  for (const ch of selector.trim()) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (/\s/.test(ch) && depth === 0) {
      if (current) steps.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current) steps.push(current);
  return steps;
}

// In the page: the elements matching a descendant chain where each step may sit in the light DOM
// or in any open shadow root below the previous one (what playwright's CSS engine does; puppeteer's
// `>>>` misses e.g. `header >>> .name` inside one shadow root). Source text, like video.ts.
const DEEP_QUERY = `(steps) => {
  const below = (node) => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (node.shadowRoot) walk(node.shadowRoot);
    walk(node);
    return out;
  };
  let current = [document];
  for (const step of steps) {
    const next = new Set();
    for (const node of current) for (const el of below(node)) if (el.matches(step)) next.add(el);
    current = [...next];
  }
  return current;
}`;

function logPage(id: string, type: string, text: string): void {
  if (type === 'error' || process.env.PAGE_LOG) console.log(`[${id}] ${type}: ${text.replace(/access_token=[^&\s']+/g, 'access_token=<redacted>')}`);
}

export async function signInChromium(browser: PlaywrightBrowser, portalUrl: string, id: string, lang: 'de' | 'en'): Promise<Visitor> {
  const person = await signIn(browser, portalUrl, id, lang);
  const page: PlaywrightPage = person.page;
  const at = (selector: string) => page.locator(selector).first();
  return {
    id,
    browser: 'chromium',
    goto: (path) => person.goto(path),
    waitFor: (selector, { state = 'visible', timeout = DEFAULT_TIMEOUT } = {}) => at(selector).waitFor({ state, timeout }),
    click: (selector, { button = 'left' } = {}) => at(selector).click({ button }),
    text: (selector) => at(selector).innerText(),
    attribute: (selector, name) => at(selector).getAttribute(name),
    visible: (selector) => at(selector).isVisible(),
    count: (selector) => page.locator(selector).count(),
    screenshot: async (path) => void (await page.screenshot({ path })),
    setViewport: (size) => page.setViewportSize(size),
    framesAdvance: (selector, opts) => framesAdvance(page, selector, opts),
    evaluate: (fn) => page.evaluate(fn),
    close: () => person.close(),
  };
}

/** Polls `check` until it holds; the error names the browser, so a Firefox-only failure says so. */
function until(what: string, check: () => Promise<boolean>, timeout: number): Promise<unknown> {
  return waitUntil(check, `[firefox] ${what}`, timeout);
}

export async function signInFirefox(browser: FirefoxBrowser, portalUrl: string, id: string, lang: 'de' | 'en'): Promise<Visitor> {
  const context = await browser.createBrowserContext();
  const page: FirefoxPage = await context.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  page.on('pageerror', (err) => console.log(`[${id} firefox] page error: ${err instanceof Error ? err.message : String(err)}`));
  page.on('console', (msg) => logPage(`${id} firefox`, msg.type(), msg.text()));
  // Polled from here: puppeteer's waitForFunction builds its poller with new Function(), which the
  // portal's Content-Security-Policy (script-src 'self') rightly blocks.
  const registered = () => until('the SDK to register its elements', () => page.evaluate(() => !!customElements.get('timio-call-button')), WAIT_MS);
  // Built from source text so that puppeteer sends the whole query along (it sends a function's text).
  const firstMatch = new Function(`return (steps) => (${DEEP_QUERY})(steps)[0] ?? null`)() as (steps: string[]) => Element | null;
  const countMatches = new Function(`return (steps) => (${DEEP_QUERY})(steps).length`)() as (steps: string[]) => number;
  const first = async (selector: string): Promise<ElementHandle<Element> | null> =>
    (await page.evaluateHandle(firstMatch, selectorSteps(selector))).asElement() as ElementHandle<Element> | null;
  const shown = async (selector: string) => {
    const el = await first(selector);
    return !!el && (await el.isVisible());
  };

  await page.goto(`${portalUrl}/lang/${lang}?back=/login`);
  await Promise.all([page.waitForNavigation(), page.click(`button[data-user="${id}"]`)]);
  if (page.url() !== `${portalUrl}/`) throw new Error(`[firefox] ${id} did not reach the portal after signing in: ${page.url()}`);
  await registered();

  const visitor: Visitor = {
    id,
    browser: 'firefox',
    async goto(path) {
      await page.goto(`${portalUrl}${path}`);
      await registered();
    },
    async waitFor(selector, { state = 'visible', timeout = DEFAULT_TIMEOUT } = {}) {
      const what = `${selector} to be ${state}`;
      if (state === 'visible') await until(what, () => shown(selector), timeout);
      else if (state === 'hidden') await until(what, async () => !(await shown(selector)), timeout);
      else if (state === 'attached') await until(what, async () => !!(await first(selector)), timeout);
      else await until(what, async () => !(await first(selector)), timeout);
    },
    async click(selector, { button = 'left' } = {}) {
      await visitor.waitFor(selector);
      await (await first(selector))!.click({ button });
    },
    async text(selector) {
      await visitor.waitFor(selector, { state: 'attached' });
      return (await first(selector))!.evaluate((el) => (el as HTMLElement).innerText);
    },
    async attribute(selector, name) {
      await visitor.waitFor(selector, { state: 'attached' });
      return (await first(selector))!.evaluate((el, n) => el.getAttribute(n), name);
    },
    visible: shown,
    count: (selector) => page.evaluate(countMatches, selectorSteps(selector)),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    setViewport: (size) => page.setViewport(size),
    async framesAdvance(selector, { advance = 5, timeoutMs = WAIT_MS } = {}) {
      await visitor.waitFor(selector, { state: 'attached', timeout: timeoutMs });
      const wait = new Function(`return ${WAIT_FOR_FRAMES}`)() as (v: Element, arg: [number, number]) => Promise<VideoFrames>;
      return (await first(selector))!.evaluate(wait, [advance, timeoutMs] as [number, number]);
    },
    evaluate: <T>(fn: () => Promise<T> | T) => page.evaluate(fn) as Promise<T>,
    close: () => context.close(),
  };
  return visitor;
}
