// Pages running the real livekit-client in headless Chromium. livekit-page-client.ts is bundled and
// served by test-page.ts, and each LiveKitPage (own browser context = own "person") drives it
// through `window.lk`.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import type { JoinOptions, JoinResult, LiveKitPageApi, PageEvent, VideoStat } from './livekit-page-client.js';
import { serveTestPage } from './test-page.js';
import { WAIT_MS } from '../wait.js';

export type { JoinOptions, JoinResult, PageEvent, VideoStat };

declare global {
  interface Window {
    lk: LiveKitPageApi;
  }
}

export interface LiveKitPageHost {
  browser: Browser;
  origin: string;
  /** Opens a page in a fresh browser context (its own fake camera/mic, its own storage). */
  open(label?: string): Promise<LiveKitPage>;
  close(): Promise<void>;
}

export async function startLiveKitPageHost(opts: { browser?: Browser } = {}): Promise<LiveKitPageHost> {
  const served = await serveTestPage({ entry: new URL('./livekit-page-client.ts', import.meta.url), format: 'iife', title: 'livekit test page' });
  const origin = served.origin;
  const browser = opts.browser ?? (await launchChromium());
  const pages = new Set<LiveKitPage>();
  return {
    browser,
    origin,
    async open(label = 'page') {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (process.env.PAGE_LOG || msg.type() === 'error') console.log(`[${label}] ${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => console.log(`[${label}] page error: ${err.message}`));
      await page.goto(`${origin}/`);
      await page.waitForFunction(() => 'lk' in window);
      const lp = new LiveKitPage(label, context, page);
      pages.add(lp);
      lp.onClose = () => pages.delete(lp);
      return lp;
    },
    async close() {
      await Promise.all([...pages].map((p) => p.close()));
      if (!opts.browser) await browser.close().catch(() => undefined);
      await served.close();
    },
  };
}

export class LiveKitPage {
  onClose: (() => void) | undefined;

  constructor(readonly label: string, readonly context: BrowserContext, readonly page: Page) {}

  /** Connects and (by default) publishes camera 640x360 and microphone. */
  async join(url: string, token: string, opts: JoinOptions = {}): Promise<{ sid: string; identity: string }> {
    const result = await this.tryJoin(url, token, opts);
    if (!result.ok) throw new Error(`${this.label} could not join: ${result.message}`);
    return result;
  }

  tryJoin(url: string, token: string, opts: JoinOptions = {}): Promise<JoinResult> {
    return this.page.evaluate(([u, t, o]) => window.lk.join(u, t, o), [url, token, opts] as const);
  }

  /** Runs `fn(window.lk)` in the page. */
  run<R, A>(fn: (lk: LiveKitPageApi, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  run<R>(fn: (lk: LiveKitPageApi) => R | Promise<R>): Promise<R>;
  run<R, A>(fn: (lk: LiveKitPageApi, arg?: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(
      ([source, a]) => {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the test's own function, serialised
        const f = new Function(`return (${source})`)() as (lk: LiveKitPageApi, a: unknown) => unknown;
        return f(window.lk, a);
      },
      [fn.toString(), arg] as const,
    ) as Promise<R>;
  }

  videoStat(identity: string, source = 'camera'): Promise<VideoStat | undefined> {
    return this.page.evaluate((key) => window.lk.state.video[key], `${identity}/${source}`);
  }

  /** Waits until at least `minFrames` frames of `identity`'s video have been painted. */
  async waitForFrames(identity: string, opts: { source?: string; minFrames?: number; timeoutMs?: number; after?: number } = {}): Promise<VideoStat> {
    const key = `${identity}/${opts.source ?? 'camera'}`;
    const min = (opts.after ?? 0) + (opts.minFrames ?? 3);
    try {
      await this.page.waitForFunction(
        ([k, n]) => {
          const s = window.lk.state.video[k];
          return !!s && s.frames >= n && s.width > 0 && s.height > 0;
        },
        [key, min] as const,
        { timeout: opts.timeoutMs ?? WAIT_MS, polling: 100 },
      );
    } catch {
      const stat = await this.videoStat(identity, opts.source);
      throw new Error(`${this.label}: no ${min} frames of ${key} (have ${JSON.stringify(stat)}); events ${JSON.stringify(await this.eventTypes())}`);
    }
    return (await this.videoStat(identity, opts.source))!;
  }

  events(): Promise<PageEvent[]> {
    return this.page.evaluate(() => window.lk.state.events);
  }

  private async eventTypes(): Promise<string[]> {
    return (await this.events()).map((e) => [e.type, e.identity, e.source].filter(Boolean).join(':'));
  }

  /** Waits for a logged event of `type` whose fields include `match` (deep-equal on given keys). */
  async waitForEvent(type: string, match: Partial<Omit<PageEvent, 'type' | 'at'>> = {}, timeoutMs = WAIT_MS): Promise<PageEvent> {
    try {
      const handle = await this.page.waitForFunction(
        // no named helpers inside: tsx would wrap them in __name(), which the page does not have
        ([t, m]) =>
          window.lk.state.events.find(
            (e) => e.type === t && Object.entries(m).every(([k, v]) => JSON.stringify((e as unknown as Record<string, unknown>)[k]) === JSON.stringify(v)),
          ) ?? false,
        [type, match] as const,
        { timeout: timeoutMs, polling: 100 },
      );
      return (await handle.jsonValue()) as PageEvent;
    } catch {
      throw new Error(`${this.label}: no "${type}" event matching ${JSON.stringify(match)} within ${timeoutMs} ms; events ${JSON.stringify(await this.eventTypes())}`);
    }
  }

  /** Waits until `predicate(window.lk)` is truthy in the page. */
  async waitFor<A>(predicate: (lk: LiveKitPageApi, arg: A) => unknown, arg: A, timeoutMs = WAIT_MS, what = 'condition'): Promise<void> {
    try {
      await this.page.waitForFunction(
        ([source, a]) => {
          const f = new Function(`return (${source})`)() as (lk: LiveKitPageApi, a: unknown) => unknown;
          return f(window.lk, a);
        },
        [predicate.toString(), arg] as const,
        { timeout: timeoutMs, polling: 100 },
      );
    } catch {
      throw new Error(`${this.label}: timed out after ${timeoutMs} ms waiting for ${what}; events ${JSON.stringify(await this.eventTypes())}`);
    }
  }

  async leave(): Promise<void> {
    await this.page.evaluate(() => window.lk.leave()).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.onClose?.();
    await this.context.close().catch(() => undefined);
  }
}
