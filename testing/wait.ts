// How tests wait: for a condition, never for a fixed time, with one deadline long enough to hold
// on a busy two-core machine (a deadline is a hang detector, not a speed budget; speed is measured
// in bench/).
export const WAIT_MS = 60_000;

/** Polls `check` until it returns something other than undefined/false, or fails after `ms`. */
export async function waitUntil<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
