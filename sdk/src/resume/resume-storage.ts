// What a tab holds across its page loads (a 1:1 call, a room conference), shared by both: a
// marker in sessionStorage (it lives with the tab, and no other tab sees it) and a Web Lock per
// held thing (a duplicated tab copies sessionStorage; the lock keeps it from taking the call or
// conference as well). Storage that is missing or full degrades to "nothing remembered", never
// to an error; a browser without Web Locks holds per page only.

/** How long a restoring page waits for the previous page of its tab to let go of the lock. */
const CLAIM_WAIT_MS = 2_000;

export function readStored<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or full: the page simply forgets.
  }
}

export function storageOf(name: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window[name];
  } catch {
    return undefined; // blocked by the browser's settings
  }
}

/** The tab's marker under one sessionStorage key. */
export class ResumeMarker<T> {
  private readonly session = storageOf('sessionStorage');

  constructor(private readonly key: string, private readonly valid: (value: T) => boolean) {}

  get(): T | undefined {
    const value = readStored<T>(this.session, this.key);
    return value && this.valid(value) ? value : undefined;
  }

  set(value: T | undefined): void {
    writeStored(this.session, this.key, value);
  }
}

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
