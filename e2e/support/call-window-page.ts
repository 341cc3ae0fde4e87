// One person's page of the call-window test host (testing/cross-process/call-window-host.ts), for
// the e2e files that try the call window against a media server (call-window, call-media,
// backgrounds): its own browser context (own camera, own storage), the window's script loaded.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { UserRef } from '#protocol/realtime.js';
import type { CallWindowHost } from '../../testing/cross-process/call-window-host.js';
import type { TestCall } from '../../testing/cross-process/call-window-entry.js';
import { roomToken } from '../../testing/node/tokens.js';
import { WAIT_MS } from '../../testing/wait.js';

export interface CallWindowPageOptions {
  viewport?: { width: number; height: number };
  /** Collects the URL of every request the page makes. */
  requests?: string[];
  /** Runs on the new context before its page opens (e.g. an init script). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/**
 * Opens the host's page for `label` and waits until `window.callWindow` is there. Page errors, and
 * console errors (every console line with PAGE_LOG set), are printed under `label`, access tokens
 * left out.
 */
export async function openCallWindowPage(browser: Browser, host: CallWindowHost, label: string, options: CallWindowPageOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1100, height: 720 } });
  // Every wait without its own deadline (clicks, waitForFunction) holds on a busy two-core machine.
  context.setDefaultTimeout(WAIT_MS);
  await options.prepare?.(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log(`[${label}] page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || process.env.PAGE_LOG) console.log(`[${label}] ${msg.type()}: ${msg.text().replace(/access_token=[^&\s']+/g, 'access_token=<redacted>')}`);
  });
  const requests = options.requests;
  if (requests) page.on('request', (r) => void requests.push(r.url()));
  await page.goto(host.origin);
  await page.waitForFunction(() => 'callWindow' in window);
  return page;
}

/** Closes the call windows a test left open (one that failed midway), so the next test starts with none. */
export async function closeCallWindows(pages: Array<Page | undefined>): Promise<void> {
  for (const page of pages) await page?.evaluate(() => window.callWindow.handle?.close()).catch(() => {});
}

/** Closes the browser, then the host and the media server: each that was started, in this order. */
export async function closeAll(...parts: Array<{ close(): Promise<unknown> } | undefined>): Promise<void> {
  for (const part of parts) await part?.close();
}

/** `who` opens the call window for `call` on `page`, with a room token of their own for the media server at `mediaUrl`. */
export async function joinCall(page: Page, call: TestCall, who: UserRef, mediaUrl: string, locale: 'de' | 'en'): Promise<void> {
  const token = await roomToken(who.id, call.room, {}, { name: who.name });
  await page.evaluate((o) => window.callWindow.open(o), { call, token, url: mediaUrl, locale });
}
