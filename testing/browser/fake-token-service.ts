// For element tests in the browser: answers the SDK's fetch() calls to a token service at
// http://timio.test the way the real one does (docs/contracts.md), and records every request.
// The real service is exercised over HTTP by token-service/test and end to end by e2e/.
import type { CallInfo, PresenceStatus, RoomRing } from '#protocol/realtime.js';
import type { RealtimePort, RoomUpdate } from '../../sdk/src/calls/realtime-port.js';
import { WatchedValues } from '../../sdk/src/realtime/watched-values.js';

export const TEST_SERVICE = 'http://timio.test';

export interface RecordedRequest {
  method: string; path: string; body: unknown; authorization: string | null;
  /** Whether the page aborted it (e.g. a held long poll it gave up), as a browser's fetch would tell the server by closing. */
  aborted: boolean;
}
type Answer = { status: number; json: unknown; headers?: Record<string, string> };
type Handler = (body: any, path: string) => Answer | Promise<Answer>;

export function makeCall(patch: Partial<CallInfo> = {}): CallInfo {
  return {
    id: 'c0ffee00c0ffee00c0ffee00',
    room: 'call-c0ffee',
    caller: { id: 'anna', name: 'Anna Schmidt' },
    callee: { id: 'ben', name: 'Ben Müller' },
    state: 'ringing',
    createdAt: new Date().toISOString(),
    ...patch,
  };
}

export class FakeTokenService {
  readonly requests: RecordedRequest[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly patterns: Array<{ method: string; path: RegExp; handler: Handler }> = [];
  private readonly original = window.fetch;

  install(): this {
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
      if (url.origin !== TEST_SERVICE) return this.original(input, init);
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      const headers = new Headers(init?.headers);
      const recorded: RecordedRequest = { method, path: url.pathname, body, authorization: headers.get('authorization'), aborted: false };
      this.requests.push(recorded);
      const key = `${method} ${url.pathname.replace(/\/v1\/calls\/[^/]+\//, '/v1/calls/:id/')}`;
      const handler = this.handlers.get(key) ?? this.patterns.find((p) => p.method === method && p.path.test(url.pathname))?.handler;
      if (!handler) return Response.json({ error: { code: 'not_found', message: `no handler for ${key}` } }, { status: 404 });
      // An aborted request rejects as the browser's fetch does, even while its handler still holds it.
      const signal = init?.signal;
      const aborted = new Promise<never>((_resolve, reject) => {
        const fail = () => { recorded.aborted = true; reject(new DOMException('The operation was aborted.', 'AbortError')); };
        if (signal?.aborted) fail();
        else signal?.addEventListener('abort', fail, { once: true });
      });
      aborted.catch(() => undefined);
      const { status, json, headers: answerHeaders } = await (signal ? Promise.race([Promise.resolve(handler(body, url.pathname)), aborted]) : handler(body, url.pathname));
      return Response.json(json, { status, headers: answerHeaders });
    };
    return this;
  }

  uninstall(): void {
    window.fetch = this.original;
  }

  on(route: string, handler: Handler): this {
    this.handlers.set(route, handler);
    return this;
  }

  /** A handler for every path that matches (e.g. `/v1/rooms/x/participants/<identity>`); exact routes win. */
  onMatch(method: string, path: RegExp, handler: Handler): this {
    this.patterns.push({ method, path, handler });
    return this;
  }

  /** Waits until a request to `path` arrived. */
  async next(path: RegExp | string): Promise<RecordedRequest> {
    for (;;) {
      const found = this.requests.find((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** A realtime connection the test drives: presence, call and room-ring events. */
export class FakeRealtime implements RealtimePort {
  userId: string | undefined = 'ben';
  pageId: string | undefined = 'page-1';
  // The page's own bookkeeping of what it watches (the real client's), fed by the test instead of the service.
  private presence = new WatchedValues<PresenceStatus>(() => undefined, { keepUnwatched: true });
  private rooms = new WatchedValues<RoomUpdate>(() => undefined, { keepUnwatched: true });
  private calls = new Set<(c: CallInfo) => void>();
  private rings = new Set<(r: RoomRing) => void>();
  private ringsEnded = new Set<(id: string) => void>();
  private readies = new Set<() => void>();

  watchRoom(room: string, listener: (u: RoomUpdate) => void): () => void {
    return this.rooms.subscribe(room, listener);
  }

  /** Pages watching the room (room bars connected). */
  watchingRoom(room: string): number {
    return this.rooms.listening(room);
  }

  /** Pushes a room status (or an error) as the service would. */
  sendRoom(room: string, update: RoomUpdate): void {
    this.rooms.set(room, update);
  }

  watchPresence(contactId: string, listener: (s: PresenceStatus) => void): () => void {
    return this.presence.subscribe(contactId, listener);
  }

  watching(contactId: string): number {
    return this.presence.listening(contactId);
  }

  setPresence(contactId: string, status: PresenceStatus): void {
    this.presence.set(contactId, status);
  }

  onCall(l: (c: CallInfo) => void) {
    this.calls.add(l);
    return () => this.calls.delete(l);
  }
  onRoomRing(l: (r: RoomRing) => void) {
    this.rings.add(l);
    return () => this.rings.delete(l);
  }
  onRoomRingEnded(l: (id: string) => void) {
    this.ringsEnded.add(l);
    return () => this.ringsEnded.delete(l);
  }

  onReady(l: () => void) {
    this.readies.add(l);
    return () => this.readies.delete(l);
  }

  /** The connection came back (`ready` after a reconnect). */
  ready(): void {
    for (const l of this.readies) l();
  }

  sendCall(call: CallInfo): void {
    for (const l of this.calls) l(call);
  }
  sendRoomRing(ring: RoomRing): void {
    for (const l of this.rings) l(ring);
  }
  endRoomRing(id: string): void {
    for (const l of this.ringsEnded) l(id);
  }
}

// Mocha's globals (the project has no @types/mocha).
declare global {
  const describe: (name: string, body: () => void) => void;
  const it: (name: string, body: () => Promise<void> | void) => void;
  const beforeEach: (body: () => Promise<void> | void) => void;
  const afterEach: (body: () => Promise<void> | void) => void;
  const before: (body: () => Promise<void> | void) => void;
}
