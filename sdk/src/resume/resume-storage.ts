// What a tab keeps for its next page (a 1:1 call, a room conference), shared by both: a marker in
// sessionStorage (it lives with the tab, and no other tab sees it); resume-locks.ts holds the Web
// Lock per resumed thing. Storage that is missing or full degrades to "nothing remembered", never
// to an error.

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
