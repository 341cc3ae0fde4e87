// Presence and ringing of one token-service process: the bus it shares with the others, the pages
// connected here, calls and room rings, and the WebSocket endpoint `/v1/realtime`.
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CallService } from '../calls/call-service.js';
import { RoomRinger, type RoomInfo } from '../calls/room-ring.js';
import type { RealtimeBus } from './bus.js';
import { Hub } from './hub.js';
import { MemoryBus } from './memory-bus.js';
import { Page, type PageAuthenticator } from './page.js';
import { CloseCode, type UserRef } from './protocol.js';
import { RedisBus } from './redis-bus.js';
import { PendingSockets } from './pending-sockets.js';
import type { UserLimits } from '../limits/user-limits.js';
import type { Metrics } from '../http/metrics.js';
import type { RealtimeSettings } from './settings.js';

export const REALTIME_PATH = '/v1/realtime';

export interface RealtimeDeps {
  settings: RealtimeSettings;
  /** Share state with other processes through this Redis; without it everything stays in this process. */
  redisUrl?: string;
  /** Origins allowed to open the WebSocket (browsers send Origin); empty or absent allows any. */
  allowedOrigins?: string[];
  authenticatePage: PageAuthenticator;
  getUser(id: string): Promise<UserRef | undefined>;
  getRoom(id: string): Promise<RoomInfo | undefined>;
  mintCallToken(user: UserRef, room: string): Promise<string>;
  livekitUrl: string;
  /** Emits 'webhook' with each verified LiveKit webhook event. */
  webhooks?: EventEmitter;
  /** Per-user limits on calls and room rings; none when absent. */
  limits?: UserLimits;
  /** Counts calls and room rings for GET /metrics; none when absent. */
  metrics?: Metrics;
  /** The client's address (behind a trusted proxy, the forwarded one); default: the socket's. */
  clientAddress?: (req: IncomingMessage) => string;
}

interface WebhookLike { event?: string; room?: { name?: string }; participant?: { identity?: string } }

export class Realtime {
  readonly bus: RealtimeBus;
  readonly hub: Hub;
  readonly calls: CallService;
  readonly rings: RoomRinger;
  private readonly pages = new Set<Page>();
  private wss?: WebSocketServer;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;
  private closing?: Promise<void>;

  constructor(private readonly deps: RealtimeDeps) {
    const { settings } = deps;
    this.bus = deps.redisUrl ? new RedisBus(deps.redisUrl, { processTimeoutMs: settings.processTimeoutMs, graceMs: settings.graceMs }) : new MemoryBus();
    this.calls = new CallService({ bus: this.bus, settings, getUser: deps.getUser, mintCallToken: deps.mintCallToken, livekitUrl: deps.livekitUrl, ...(deps.limits ? { limits: deps.limits } : {}), ...(deps.metrics ? { metrics: deps.metrics } : {}) });
    // The call window lives in a portal page: a user with no page left anywhere has left their call.
    this.hub = new Hub(this.bus, settings.graceMs, (userId) => {
      this.calls.userGone(userId).catch((err) => console.error('[realtime] ending the call of a departed user failed:', (err as Error).message));
    });
    this.rings = new RoomRinger({ bus: this.bus, settings, getRoom: deps.getRoom, ...(deps.limits ? { limits: deps.limits } : {}), ...(deps.metrics ? { metrics: deps.metrics } : {}) });
    this.bus.onReconnect(() => {
      this.bus.reconcile(this.hub.localUsers())
        .then(() => this.hub.resync())
        .catch((err) => console.error('[realtime] resync after reconnect failed:', (err as Error).message));
    });
    deps.webhooks?.on('webhook', (ev: WebhookLike) => {
      this.onWebhook(ev).catch((err) => console.error('[realtime] webhook handling failed:', (err as Error).message));
    });
  }

  /** Serves `/v1/realtime` on the server; closing the server closes every page and the bus. */
  attach(server: Server): void {
    const { settings } = this.deps;
    const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxFrameBytes, perMessageDeflate: false, clientTracking: false });
    this.wss = wss;
    const pending = new PendingSockets(settings.maxPendingPerAddress);
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // A host may mount the service under a prefix (`/timio/v1/realtime`).
      const path = (req.url ?? '').split('?')[0]!;
      if (!path.endsWith(REALTIME_PATH)) {
        if (server.listenerCount('upgrade') === 1) socket.destroy();
        return;
      }
      const origin = req.headers.origin;
      const allowed = this.deps.allowedOrigins ?? [];
      if (origin && allowed.length > 0 && !allowed.includes(origin)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const address = this.deps.clientAddress?.(req) ?? req.socket.remoteAddress ?? '';
      const release = pending.take(address);
      if (!release) {
        socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      socket.once('close', release);
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.once('message', release);
        if (this.closed) return ws.close(CloseCode.goingAway, 'shutting down');
        const page = new Page(ws, req, {
          hub: this.hub, settings, authenticate: this.deps.authenticatePage,
          onReady: (p) => this.onReady(p),
        });
        this.pages.add(page);
        ws.once('close', () => this.pages.delete(page));
      });
    });
    this.heartbeat = setInterval(() => {
      for (const page of this.pages) {
        if (!page.alive) { page.ws.terminate(); continue; }
        page.alive = false;
        page.ws.ping();
      }
    }, settings.heartbeatMs);
    this.heartbeat.unref();
    // server.close() waits for every connection, upgraded ones included: close the pages first.
    const close = server.close.bind(server);
    server.close = ((cb?: (err?: Error) => void) => {
      this.close().catch(() => undefined);
      return close(cb);
    }) as Server['close'];
  }

  /** Closes every page and leaves the bus; calling it again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const page of this.pages) page.ws.close(CloseCode.goingAway, 'shutting down');
    for (const page of this.pages) page.ws.terminate();
    this.wss?.close();
    this.hub.close();
    this.calls.close();
    this.rings.close();
    await this.bus.close();
  }

  private async onReady(page: Page): Promise<void> {
    const call = await this.calls.currentCallOf(page.user!.id);
    if (call) page.sendMessage({ type: 'call', call });
  }

  private async onWebhook(ev: WebhookLike): Promise<void> {
    const room = ev.room?.name;
    if (!room) return;
    if (ev.event === 'participant_left' || ev.event === 'room_finished') {
      await this.calls.roomEvent(ev.event, room, ev.participant?.identity);
    } else if (ev.event === 'participant_joined' && ev.participant?.identity) {
      await this.rings.joined(room, ev.participant.identity);
    }
  }
}
