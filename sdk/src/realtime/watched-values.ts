// What the page watches through its realtime connection, one kind per store (contacts' presence,
// rooms' status): who on the page listens to which key, and the last value the service reported.
// `onWatchChange` runs whenever the set of watched keys gains or loses one (the client then tells
// the service in its next batch).

export type Listener<T> = (value: T) => void;

export interface WatchedValuesOptions {
  /**
   * Keep values of keys nobody listens to until `retain` drops them (presence: the service sends
   * nothing for a contact it never stopped watching, so a button that takes another's place before
   * the next batch needs the kept status). Otherwise a value lives only while someone listens.
   */
  keepUnwatched: boolean;
}

export class WatchedValues<V> {
  private readonly values = new Map<string, V>();
  private readonly listeners = new Map<string, Set<Listener<V>>>();

  constructor(private readonly onWatchChange: () => void, private readonly options: WatchedValuesOptions) {}

  /** Calls `listener` with the value now (when known) and on every change; returns the unsubscribe. */
  subscribe(key: string, listener: Listener<V>): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      this.listeners.set(key, (set = new Set()));
      this.onWatchChange();
    }
    set.add(listener);
    const known = this.values.get(key);
    if (known !== undefined) emit([listener], known);
    return () => {
      const current = this.listeners.get(key);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(key);
      if (!this.options.keepUnwatched) this.values.delete(key);
      this.onWatchChange();
    };
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  /** How many listen to `key`. */
  listening(key: string): number {
    return this.listeners.get(key)?.size ?? 0;
  }

  /** Keys someone on the page listens to. */
  watched(): Set<string> {
    return new Set(this.listeners.keys());
  }

  /** The service now watches exactly `watched` for this page: forget every other value. */
  retain(watched: ReadonlySet<string>): void {
    for (const key of [...this.values.keys()]) if (!watched.has(key)) this.values.delete(key);
  }

  /** What the service reported for `key`; listeners hear only real changes. */
  set(key: string, value: V): void {
    if (!this.options.keepUnwatched && !this.listeners.has(key)) return;
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    emit(this.listeners.get(key) ?? [], value);
  }
}

/** Calls every listener; one that throws does not keep the others from hearing the value. */
export function emit<T>(listeners: Iterable<Listener<T>>, value: T): void {
  for (const l of [...listeners]) {
    try {
      l(value);
    } catch (err) {
      console.error('[timio] realtime listener failed', err);
    }
  }
}

/** What to add and remove so that `sent` becomes `wanted`. */
export function watchChanges(wanted: ReadonlySet<string>, sent: ReadonlySet<string>): { add: string[]; remove: string[] } {
  return { add: [...wanted].filter((k) => !sent.has(k)), remove: [...sent].filter((k) => !wanted.has(k)) };
}
