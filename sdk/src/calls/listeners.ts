// A set of listeners that each hear every value, in the order they subscribed; one may unsubscribe
// (itself or another) while being told.
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();

  /** Returns the unsubscribe function. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }

  notify(value: T): void {
    for (const listener of [...this.set]) listener(value);
  }
}
