// Sockets that have not sent their first frame yet, counted per client address: each holds server
// memory for the auth timeout without proving anything, so one address may hold only so many.
export class PendingSockets {
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a slot for the address; the returned function (idempotent) gives it back. Undefined when full. */
  take(address: string): (() => void) | undefined {
    const n = this.byAddress.get(address) ?? 0;
    if (n >= this.max) return undefined;
    this.byAddress.set(address, n + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    };
  }
}
