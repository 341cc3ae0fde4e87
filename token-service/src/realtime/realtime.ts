// The realtime transport of one token-service process: the WebSocket endpoint `/v1/realtime`, the
// pages connected here, the hub that routes presence and user events to them, and the bus shared
// with the other processes. It knows nothing of calls: features above it (calls/calling.ts) publish
// on the bus and hear from it through the hooks below.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode } from '#protocol/realtime.js';
import type { RealtimeBus } from './bus.js';
import { logFailure, type Logger } from '../http/logger.js';
import { Hub } from './hub.js';
import { Page, type PageAuthenticator } from './page.js';
import { PendingSockets } from './pending-sockets.js';
import type { RealtimeSettings } from './settings.js';

export const REALTIME_PATH = '/v1/realtime';

export interface RealtimeDeps {
  settings: RealtimeSettings;
  bus: RealtimeBus;
  /** Where the transport's failures go (the service's logger, with its component). */
  logger: Logger;
  /** Origins allowed to open the WebSocket (browsers send Origin); empty or absent allows any. */
  allowedOrigins?: string[];
  authenticatePage: PageAuthenticator;
  /** A page has authenticated: send it what is already going on (e.g. a call ringing its user). */
  onPageReady?(page: Page): Promise<void>;
  /** `watch-rooms` from an authenticated page (room status; the feature checks membership). */
  onWatchRooms?(page: Page, add: string[], remove: string[]): Promise<void>;
  /** The user's last page anywhere went away and the grace period is over (runs on one process). */
  onUserGone?(userId: string): void;
  /** The transport is closing (also when the HTTP server closes): stop what would publish later. */
  onClosing?(): void;
  /** The client's address (behind a trusted proxy, the forwarded one); default: the socket's. */
  clientAddress?: (req: IncomingMessage) => string;
}

const byServer = new WeakMap<Server, Realtime>();

/** The realtime transport serving this HTTP server (for operators' metrics and tests). */
export function realtimeOn(server: Server): Realtime | undefined {
  return byServer.get(server);
}

export class Realtime {
  readonly bus: RealtimeBus;
  readonly hub: Hub;
  private readonly pages = new Set<Page>();
  private wss?: WebSocketServer;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;
  private closing?: Promise<void>;

  constructor(private readonly deps: RealtimeDeps) {
    this.bus = deps.bus;
    this.hub = new Hub(this.bus, deps.settings.graceMs, deps.logger, (userId) => deps.onUserGone?.(userId));
    this.bus.onReconnect(() => {
      const users = this.hub.localUsers();
      this.bus.reconcile(users)
        .then(() => this.hub.resync())
        .catch(logFailure(deps.logger, 'resync after reconnect failed', { users: users.length }));
    });
  }

  /** Serves `/v1/realtime` on the server; closing the server closes every page and the bus. */
  attach(server: Server): void {
    const { settings } = this.deps;
    const wss = new WebSocketServer({ noServer: true, maxPayload: settings.maxFrameBytes, perMessageDeflate: false, clientTracking: false });
    this.wss = wss;
    byServer.set(server, this);
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
          hub: this.hub, settings, authenticate: this.deps.authenticatePage, logger: this.deps.logger,
          onReady: (p) => this.deps.onPageReady?.(p) ?? Promise.resolve(),
          ...(this.deps.onWatchRooms ? { onWatchRooms: this.deps.onWatchRooms } : {}),
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
    this.deps.onClosing?.();
    await this.bus.close();
  }
}
