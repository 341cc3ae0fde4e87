// A portal page as the tests see it: a real WebSocket (ws) to /v1/realtime that records every
// frame, so a test can wait for the message or the close it expects.
import WebSocket from 'ws';
import { WAIT_MS } from '../../../testing/wait.js';
import type { ServerMessage } from '#protocol/realtime.js';

export interface Closed { code: number; reason: string }

export class TestPage {
  readonly ws: WebSocket;
  readonly received: ServerMessage[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<Closed>;
  private waiters: Array<() => void> = [];

  constructor(wsUrl: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(wsUrl, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      this.wake();
    }));
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data) => {
      this.received.push(JSON.parse(data.toString()) as ServerMessage);
      this.wake();
    });
  }

  /** Opens a page and authenticates it; resolves with the ready message. */
  static async ready(wsUrl: string, token: string): Promise<{ page: TestPage; ready: Extract<ServerMessage, { type: 'ready' }> }> {
    const page = new TestPage(wsUrl);
    await page.opened;
    page.send({ type: 'auth', token });
    const ready = await page.next('ready');
    return { page, ready };
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /**
   * Waits for the first message (from `from` on) of this type matching `match`, and returns it.
   * Fails after `ms` with what was received instead.
   */
  async next<T extends ServerMessage['type']>(
    type: T, match: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true, ms = WAIT_MS,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const found = await this.until(() => this.find(type, match), ms, `a ${type} message`);
    this.received.splice(this.received.indexOf(found), 1);
    return found;
  }

  /**
   * The error that answers the frame just sent, once the page has also answered a ping after it:
   * a refused frame leaves the page open, and whatever else it answered has arrived by then.
   */
  async refusal(): Promise<Extract<ServerMessage, { type: 'error' }>> {
    const refused = await this.next('error');
    this.send({ type: 'ping' });
    await this.next('pong');
    return refused;
  }

  /** Waits for a presence message that says this user has this status. */
  async presence(id: string, status: string, ms = WAIT_MS): Promise<void> {
    await this.next('presence', (m) => m.users.some((u) => u.id === id && u.status === status), ms);
  }

  /** Waits for a call event in this state (and outcome). */
  call(state: string, outcome?: string, ms = WAIT_MS) {
    return this.next('call', (m) => m.call.state === state && (outcome === undefined || m.call.outcome === outcome), ms).then((m) => m.call);
  }

  /** Resolves with the close code once the server closes the page. */
  async closedWithin(ms = WAIT_MS): Promise<Closed> {
    return Promise.race([
      this.closed,
      new Promise<Closed>((_, reject) => setTimeout(() => reject(new Error(`page not closed within ${ms} ms`)), ms).unref()),
    ]);
  }

  close(): void {
    this.ws.close();
  }

  private find<T extends ServerMessage['type']>(type: T, match: (m: Extract<ServerMessage, { type: T }>) => boolean) {
    return this.received.find((m): m is Extract<ServerMessage, { type: T }> => m.type === type && match(m as Extract<ServerMessage, { type: T }>));
  }

  private async until<R>(get: () => R | undefined, ms: number, what: string): Promise<R> {
    const deadline = Date.now() + ms;
    for (;;) {
      const r = get();
      if (r !== undefined) return r;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; received ${JSON.stringify(this.received)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
