// The dev media server: one HTTP server for LiveKit's signal WebSocket (/rtc), its validate
// endpoints and the Twirp RoomService. `npm run media` runs it on ws://127.0.0.1:7880.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';
import { ConfigError, readConfig, type MediaServerOptions } from './config.js';
import type { MediaServerContext } from './context.js';
import { RoomClosedError, RoomFullError } from './room/room.js';
import { RoomManager } from './room/room-manager.js';
import { authorizeJoin } from './signal/join-authorization.js';
import { refuseResume, runSignalSession, WebSocketSignalSink } from './signal/signal-session.js';
import { handleTwirp } from './twirp/index.js';
import { createWebhookNotifier } from './webhooks/index.js';
import { handleForwardingRequest } from './debug/forwarding.js';

export type { MediaServerOptions };

export interface MediaServer {
  url: string;
  port: number;
  rooms: RoomManager;
  context: MediaServerContext;
  close(): Promise<void>;
}

const MAX_SIGNAL_MESSAGE_BYTES = 1024 * 1024;

export async function startMediaServer(opts: MediaServerOptions = {}): Promise<MediaServer> {
  const host = opts.host ?? '127.0.0.1';
  const apiKey = opts.apiKey ?? 'devkey';
  const apiSecret = opts.apiSecret ?? 'secret';
  const keys = new Map([[apiKey, apiSecret]]);
  const rooms = new RoomManager({
    rtc: { portRange: opts.rtcPortRange, additionalHostAddresses: opts.nodeIps },
    maxParticipants: opts.maxParticipants,
    departureTimeoutSeconds: opts.departureTimeoutSeconds,
    autoCreateRooms: opts.autoCreateRooms,
    ping: opts.ping,
  });
  const context: MediaServerContext = { rooms, keys, apiKey, apiSecret };
  const notifier = createWebhookNotifier({ urls: opts.webhookUrls ?? [], apiKey, apiSecret, rooms });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNAL_MESSAGE_BYTES });

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      console.error('[media] request failed:', err);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders({ 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': '*' }));
      res.end();
      return;
    }
    if (path.startsWith('/twirp/')) {
      await handleTwirp(req, res, context);
      return;
    }
    if (req.method === 'GET' && path === '/rtc/validate') {
      const decision = authorizeJoin(url, req.headers.authorization, keys, rooms);
      if (decision.ok) sendText(res, 200, 'success');
      else sendText(res, decision.status, decision.message);
      return;
    }
    if (path === '/rtc/v1/validate' || path === '/rtc/v1') {
      // Only the v0 protocol (two peer connections) is spoken; 404 makes the client fall back.
      sendText(res, 404, 'not found');
      return;
    }
    if (opts.debugEndpoints && req.method === 'GET' && path === '/debug/forwarding') {
      handleForwardingRequest(req, res, context);
      return;
    }
    if (req.method === 'GET' && (path === '' || path === '/healthz')) {
      sendText(res, 200, 'OK');
      return;
    }
    sendText(res, 404, 'not found');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '');
      if (path !== '/rtc') return refuseUpgrade(socket, 404, 'not found');
      const decision = authorizeJoin(url, req.headers.authorization, keys, rooms);
      if (!decision.ok) return refuseUpgrade(socket, decision.status, decision.message);
      wss.handleUpgrade(req, socket, head, (ws) => {
        try {
          if (decision.reconnect) return refuseResume(ws);
          const room = rooms.getRoom(decision.roomName) ?? rooms.createRoom(decision.roomName);
          const participant = room.join(decision.claims, new WebSocketSignalSink(ws), decision.autoSubscribe);
          runSignalSession(ws, room, participant);
        } catch (err) {
          if (!(err instanceof RoomFullError || err instanceof RoomClosedError)) console.error('[media] join failed:', err);
          ws.close(1011, err instanceof Error ? err.message.slice(0, 100) : 'join failed');
        }
      });
    } catch (err) {
      console.error('[media] upgrade failed:', err);
      refuseUpgrade(socket, 500, 'internal error');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 7880, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  return {
    url: `ws://${urlHost}:${port}`,
    port,
    rooms,
    context,
    async close() {
      await rooms.closeAll();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await notifier.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function corsHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*', ...extra };
}

function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, corsHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }));
  res.end(body);
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Error';
  const body = Buffer.from(message);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${message}`,
  );
}

async function main(): Promise<void> {
  let opts: MediaServerOptions;
  try {
    opts = readConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const server = await startMediaServer(opts);
  console.log(`dev media server listening on ${server.url} (API key "${opts.apiKey}")`);
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.on('uncaughtException', (err) => console.error('[media] uncaught:', err));
  process.on('unhandledRejection', (err) => console.error('[media] unhandled rejection:', err));
  void main();
}
