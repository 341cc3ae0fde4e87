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
    // The previous page of this tab may still be letting go: wait in the lock's queue (granted the
    // moment it is free, where polling for it lost up to its interval), for at most CLAIM_WAIT_MS.
    return new Promise<boolean>((resolve) => {
      locks.request(`${this.prefix}${id}`, { signal: AbortSignal.timeout(CLAIM_WAIT_MS) }, () => {
        resolve(true);
        return new Promise<void>((release) => this.held.set(id, release));
      }).catch(() => resolve(false)); // aborted: another page held it all that time
    });
  }

  release(id: string): void {
    this.held.get(id)?.();
    this.held.delete(id);
  }
}
