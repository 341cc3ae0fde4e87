// Sign-in sessions of the demo portal: the cookie holds a random id, the user and the expiry live
// here. Nothing is signed with a secret (the demo's is public), so a cookie cannot be made up; a
// session ends at its expiry, and signing out deletes it, so a copied cookie stops working too.
// Kept in memory: restarting the demo portal signs everyone out.
import { randomBytes } from 'node:crypto';

interface Session { userId: string; expiresAt: number }

export class Sessions {
  private readonly byId = new Map<string, Session>();

  /** `now`: the clock (tests move it); `max`: sessions kept at most (the oldest go first). */
  constructor(readonly ttlMs: number, private readonly now: () => number = Date.now, private readonly max = 10_000) {}

  /** A new session for the user; returns its id (the cookie's value). */
  create(userId: string): string {
    this.sweep();
    // Insertion order is age order: the first key is the oldest session.
    while (this.byId.size >= this.max) this.byId.delete(this.byId.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    this.byId.set(id, { userId, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  /** The signed-in user of a live session, or undefined (unknown, expired or ended). */
  userOf(id: string): string | undefined {
    const session = this.byId.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.byId.delete(id);
      return undefined;
    }
    return session.userId;
  }

  end(id: string): void {
    this.byId.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.byId) if (s.expiresAt <= now) this.byId.delete(id);
  }
}
