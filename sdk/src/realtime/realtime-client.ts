// The page's one realtime connection to the token service (`/v1/realtime`): presence of the
// contacts shown, and the user's call and room-ring events. Every element on the page shares it
// (`getRealtimeClient`). It authenticates with the portal token, refreshes the token before it
// expires without reconnecting, reconnects with backoff and jitter, and re-subscribes after.
// Plain TypeScript: no DOM, no LiveKit.
import {
  CloseCode, type CallInfo, type ClientMessage, type PresenceStatus, type RoomRing, type RoomStatus, type ServerMessage, type UserRef, type GuestWaitingMessage, type GuestDecidedMessage, type GuestResemblesMessage, type ColleagueRingAnswerMessage,
} from '#protocol/realtime.js';
import type { RoomUpdate } from '../calls/realtime-port.js';
import { WatchedValues, emit, watchChanges, type Listener } from './watched-values.js';

export type { CallInfo, PresenceStatus, RoomRing, RoomStatus, RoomUpdate, UserRef };

/** The part of the WebSocket API the client uses (the browser's, or `ws` in Node). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error' | 'message', listener: (event: any) => void): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type ConnectionState = 'idle' | 'connecting' | 'ready' | 'reconnecting' | 'closed';

export interface RealtimeClientOptions {
  /** The token service's base URL (http/https) or the WebSocket URL of `/v1/realtime`. */
  url: string;
  /** The portal token; `fresh` asks for a new one (the service rejected the last). */
  getToken: (fresh?: boolean) => Promise<string>;
  /** Default: the global WebSocket. Node before 22 has none: pass `ws`. */
  WebSocket?: WebSocketConstructor;
  /** First reconnect delay and its cap (exponential, full jitter). */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** How long to gather watch changes before sending them (buttons appear in bursts). */
  batchMs?: number;
  /** Client pings to notice a dead connection (browsers do not expose WebSocket pings). */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
}

const OPEN = 1;
/** Contacts per watch frame: keeps frames well under the service's frame size limit. */
const WATCH_CHUNK = 200;

export class RealtimeClient {
  /** Contacts' presence and rooms' status that elements on this page listen to. */
  private readonly presence: WatchedValues<PresenceStatus>;
  private readonly rooms: WatchedValues<RoomUpdate>;
  private readonly callListeners = new Set<Listener<CallInfo>>();
  private readonly ringListeners = new Set<Listener<RoomRing>>();
  private readonly ringEndedListeners = new Set<Listener<string>>();
  private readonly guestListeners = new Set<Listener<GuestWaitingMessage | GuestDecidedMessage | GuestResemblesMessage | ColleagueRingAnswerMessage>>();
  private readonly stateListeners = new Set<Listener<ConnectionState>>();
  /** Rooms the service currently watches for this connection. */
  private sentRooms = new Set<string>();
  private readonly wsUrl: string;
  private ws?: WebSocketLike;
  private currentState: ConnectionState = 'idle';
  private me?: UserRef;
  private page?: string;
  /** Contacts the service currently watches for this connection. */
  private sent = new Set<string>();
  private attempt = 0;
  private freshToken = false;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private batchTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private pingTimer?: ReturnType<typeof setInterval>;
  private pongTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly options: RealtimeClientOptions) {
    this.wsUrl = realtimeUrl(options.url);
    this.presence = new WatchedValues(() => this.scheduleFlush(), { keepUnwatched: true });
    // The service watches each room once per page, however many room bars show it.
    this.rooms = new WatchedValues(() => this.scheduleFlush(), { keepUnwatched: false });
  }

  get state(): ConnectionState { return this.currentState; }
  /** This user, once the connection is ready. */
  get user(): UserRef | undefined { return this.me; }
  get userId(): string | undefined { return this.me?.id; }
  /** This page's connection id: send it with accept so the callee's other pages stop ringing. */
  get pageId(): string | undefined { return this.page; }

  /** Calls `listener` with the contact's status now (when known) and on every change. */
  watchPresence(contactId: string, listener: Listener<PresenceStatus>): () => void {
    this.connect();
    return this.presence.subscribe(contactId, listener);
  }

  presenceOf(contactId: string): PresenceStatus | undefined {
    return this.presence.get(contactId);
  }

  /**
   * Calls `listener` with the room's status now (when known) and on every change the service
   * pushes, or with the error when this user may not watch it (`not_a_member`, `not_found`).
   */
  watchRoom(room: string, listener: Listener<RoomUpdate>): () => void {
    this.connect();
    return this.rooms.subscribe(room, listener);
  }

  /** Every state change of a 1:1 call this user is part of. */
  onCall(listener: Listener<CallInfo>): () => void { return this.listen(this.callListeners, listener); }
  /** An invitation to a room's meeting ("call all members"). */
  onRoomRing(listener: Listener<RoomRing>): () => void { return this.listen(this.ringListeners, listener); }
  /** The invitation with this id is over (timed out, or answered on another page). */
  onRoomRingEnded(listener: Listener<string>): () => void { return this.listen(this.ringEndedListeners, listener); }
  /** Moderators: a guest waits to be let in, or that is over (`guest-waiting` / `guest-decided`); a guest's name reads like a member's (`guest-resembles`). */
  onGuestNotice(listener: Listener<GuestWaitingMessage | GuestDecidedMessage | GuestResemblesMessage | ColleagueRingAnswerMessage>): () => void { return this.listen(this.guestListeners, listener); }
  /** Every `ready`: the first connection and each reconnect (call state may have moved meanwhile). */
  onReady(listener: () => void): () => void {
    return this.onState((state) => { if (state === 'ready') listener(); });
  }
  onState(listener: Listener<ConnectionState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Opens the connection if it is not open or opening (the subscribe methods do this). */
  connect(): void {
    if (this.currentState !== 'idle') return;
    this.open();
  }

  /** Closes for good (the page is going away). */
  close(): void {
    this.setState('closed');
    this.stopTimers();
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.batchTimer);
    this.ws?.close(1000, 'page closed');
    this.ws = undefined;
  }

  private listen<T>(set: Set<Listener<T>>, listener: Listener<T>): () => void {
    this.connect();
    set.add(listener);
    return () => set.delete(listener);
  }

  private open(): void {
    const Ctor = this.options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Ctor) throw new Error('no WebSocket implementation: pass the WebSocket option');
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const ws = new Ctor(this.wsUrl);
    this.ws = ws;
    ws.addEventListener('open', () => { void this.authenticate(ws); });
    ws.addEventListener('message', (e: { data: unknown }) => {
      if (ws !== this.ws || typeof e.data !== 'string') return;
      this.alive();
      let m: ServerMessage;
      try {
        m = JSON.parse(e.data) as ServerMessage;
      } catch {
        return;
      }
      this.onMessage(m);
    });
    ws.addEventListener('close', (e: { code: number }) => { if (ws === this.ws) this.onClose(e.code); });
    ws.addEventListener('error', () => { /* a close event follows */ });
  }

  private async authenticate(ws: WebSocketLike): Promise<void> {
    let token: string;
    try {
      token = await this.options.getToken(this.freshToken);
    } catch (err) {
      console.warn('[timio] no portal token for the realtime connection', err);
      ws.close(4000, 'no token');
      return;
    }
    this.freshToken = false;
    if (ws !== this.ws || ws.readyState !== OPEN) return;
    this.send({ type: 'auth', token });
    this.scheduleRefresh(token);
  }

  private onMessage(m: ServerMessage): void {
    switch (m.type) {
      case 'ready':
        this.me = m.user;
        this.page = m.page;
        this.attempt = 0;
        this.sent = new Set();
        this.sentRooms = new Set();
        this.startPing();
        this.flush();
        this.setState('ready');
        return;
      case 'presence':
        for (const { id, status } of m.users) this.presence.set(id, status);
        return;
      case 'call':
        return emit(this.callListeners, m.call);
      case 'room-ring':
        return emit(this.ringListeners, m.ring);
      case 'room-ring-ended':
        return emit(this.ringEndedListeners, m.id);
      case 'guest-waiting':
      case 'guest-decided':
      case 'guest-resembles':
      // The answers to this person's rings of colleagues into a meeting go to the conference the same way.
      case 'colleague-ring-answer':
        return emit(this.guestListeners, m);
      case 'room':
        return this.rooms.set(m.room.id, { status: m.room });
      case 'error':
        if (m.room !== undefined) return this.rooms.set(m.room, { error: m.error });
        if (m.error.code === 'token_expired' || m.error.code === 'unauthorized') this.freshToken = true;
        return;
      case 'pong':
        return;
    }
  }

  private onClose(code: number): void {
    this.ws = undefined;
    this.page = undefined;
    this.stopTimers();
    if (this.currentState === 'closed') return;
    if (code === CloseCode.unauthorized) this.freshToken = true;
    // Exponential backoff with full jitter: a restarted service is not stampeded by every page at once.
    const min = this.options.reconnectMinMs ?? 500;
    const max = this.options.reconnectMaxMs ?? 30_000;
    const delay = Math.random() * Math.min(max, min * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 20);
    this.setState('reconnecting');
    this.reconnectTimer = setTimeout(() => this.open(), Math.max(min / 4, delay));
  }

  private scheduleFlush(): void {
    if (this.batchTimer !== undefined) return;
    this.batchTimer = setTimeout(() => {
      this.batchTimer = undefined;
      this.flush();
    }, this.options.batchMs ?? 10);
  }

  /** Sends the difference between what the page shows and what the service watches for it. */
  private flush(): void {
    if (!this.ws || this.ws.readyState !== OPEN || !this.me) return;
    const wanted = this.presence.watched();
    const { add, remove } = watchChanges(wanted, this.sent);
    for (let i = 0; i < Math.max(add.length, remove.length); i += WATCH_CHUNK) {
      const a = add.slice(i, i + WATCH_CHUNK);
      const r = remove.slice(i, i + WATCH_CHUNK);
      this.send({ type: 'watch', ...(a.length ? { add: a } : {}), ...(r.length ? { remove: r } : {}) });
    }
    this.sent = wanted;
    this.presence.retain(wanted);
    const rooms = this.rooms.watched();
    const { add: addRooms, remove: removeRooms } = watchChanges(rooms, this.sentRooms);
    if (addRooms.length || removeRooms.length) {
      this.send({ type: 'watch-rooms', ...(addRooms.length ? { add: addRooms } : {}), ...(removeRooms.length ? { remove: removeRooms } : {}) });
    }
    this.sentRooms = rooms;
  }

  /** Sends a fresh token shortly before the current one expires, on the same connection. */
  private scheduleRefresh(token: string): void {
    clearTimeout(this.refreshTimer);
    const exp = expiryOf(token);
    if (exp === undefined) return;
    const left = exp - Date.now();
    const ms = Math.max(1_000, left - Math.min(60_000, left / 5));
    this.refreshTimer = setTimeout(() => {
      const ws = this.ws;
      if (!ws) return;
      this.options.getToken(true).then((fresh) => {
        if (ws !== this.ws || ws.readyState !== OPEN) return;
        this.send({ type: 'auth', token: fresh });
        this.scheduleRefresh(fresh);
      }, (err) => console.warn('[timio] refreshing the portal token failed', err));
    }, Math.min(ms, 2_147_000_000));
  }

  private startPing(): void {
    this.stopTimers(false);
    const every = this.options.pingIntervalMs ?? 25_000;
    this.pingTimer = setInterval(() => {
      this.send({ type: 'ping' });
      this.pongTimer ??= setTimeout(() => {
        // Nothing came back: the connection is dead even if the browser has not noticed.
        const ws = this.ws;
        if (ws) {
          this.ws = undefined;
          ws.close(4000, 'no pong');
          this.onClose(1006);
        }
      }, this.options.pongTimeoutMs ?? 10_000);
    }, every);
  }

  private alive(): void {
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
  }

  private stopTimers(all = true): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    if (all) clearTimeout(this.refreshTimer);
  }

  private send(m: ClientMessage): void {
    if (this.ws?.readyState === OPEN) this.ws.send(JSON.stringify(m));
  }

  private setState(state: ConnectionState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    emit(this.stateListeners, state);
  }
}

const clients = new Map<string, RealtimeClient>();

/**
 * The page's connection to this token service, shared by every element: the first caller's
 * options make it; later callers with the same URL get the same client.
 */
export function getRealtimeClient(options: RealtimeClientOptions): RealtimeClient {
  const key = realtimeUrl(options.url);
  let client = clients.get(key);
  if (!client || client.state === 'closed') {
    client = new RealtimeClient(options);
    clients.set(key, client);
  }
  return client;
}

/** `http://host/base` → `ws://host/base/v1/realtime`; a ws(s) URL is taken as is. */
export function realtimeUrl(url: string): string {
  if (/^wss?:/i.test(url)) return url;
  const u = new URL(url, (globalThis as { location?: { href: string } }).location?.href);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/v1/realtime`;
  return u.toString();
}

/** Milliseconds since the epoch at which a JWT expires, if it says so. */
function expiryOf(token: string): number | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const exp = (JSON.parse(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

