// How tests wait: for a condition, never for a fixed time, with one deadline long enough to hold
// on a busy two-core machine (a deadline is a hang detector, not a speed budget; speed is measured
// in bench/). Plain timers only, so element tests in the browser use it too.
export const WAIT_MS = 60_000;

/**
 * Polls `check` every `everyMs` until it returns something truthy (and returns that), or fails after
 * `ms`. A check that asks the token service polls slower: it counts against the address's rate limit.
 */
export async function waitUntil<T>(check: () => T | Promise<T>, what = 'a condition', ms = WAIT_MS, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
