// A Web Lock per thing a tab resumes (a 1:1 call, a room conference): a duplicated tab copies
// sessionStorage and with it the tab's marker (resume-storage.ts); the lock keeps it from taking
// the call or conference as well. A browser without Web Locks holds per page only. Used by the
// calls chunk and the views chunk, never by the light part.

/** How long a resuming page waits for the previous page of its tab to let go of the lock. */
const CLAIM_WAIT_MS = 2_000;

/** Web Locks named `<prefix><id>`: one page holds each id until it releases it or goes away. */
export class ResumeLocks {
  private readonly held = new Map<string, () => void>();

  constructor(private readonly prefix: string) {}

  /** Resolves false when another page (a duplicated tab) holds it. */
  async claim(id: string): Promise<boolean> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (this.held.has(id)) return false;
    if (!locks) {
      this.held.set(id, () => undefined);
      return true;
    }
    // The previous page of this tab may still be letting go: try a few times.
    const deadline = Date.now() + CLAIM_WAIT_MS;
    for (;;) {
      const got = await new Promise<boolean>((resolve) => {
        void locks.request(`${this.prefix}${id}`, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => this.held.set(id, release));
        });
      });
      if (got) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  release(id: string): void {
    this.held.get(id)?.();
    this.held.delete(id);
  }
}
