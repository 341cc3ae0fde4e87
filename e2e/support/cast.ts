// A suite's cast: its stack and Chromium started before the tests, demo employees signed in on
// demand, everything closed after. Apart from people.ts so benches that sign people in do not load node:test.
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../testing/cross-process/chromium.js';
import { signIn, type Person } from '../../testing/cross-process/people.js';

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
