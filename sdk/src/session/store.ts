// One observable value: the session keeps one per domain (connection, participants, local media,
// devices, problems, chat), so a view re-renders only for the domains it reads, and an unchanged
// value (by the domain's own equality) wakes nobody.
export type Listener<T> = (value: T) => void;

/** What views read: the current value and a subscription that fires now and after each change. */
export interface Readable<T> {
  readonly value: T;
  subscribe(listener: Listener<T>): () => void;
}

export class Store<T> implements Readable<T> {
  private current: T;
  private readonly listeners = new Set<Listener<T>>();

  constructor(initial: T, private readonly equal: (a: T, b: T) => boolean = Object.is) {
    this.current = initial;
  }

  get value(): T {
    return this.current;
  }

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the value; listeners run only if it differs by the store's equality. */
  set(next: T): void {
    if (this.equal(this.current, next)) return;
    this.current = next;
    for (const l of [...this.listeners]) l(next);
  }

  update(change: (value: T) => T): void {
    this.set(change(this.current));
  }

  /** Drops every listener (the session ended). */
  close(): void {
    this.listeners.clear();
  }
}

/** Field-by-field equality of two flat records (nested values compare by identity). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/** Equality of two lists whose items are compared with `item`. */
export function listEqual<T>(item: (a: T, b: T) => boolean) {
  return (a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => item(x, b[i]!));
}
