// One portal page's WebSocket: authentication first, then watch/ping, within size and rate bounds.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { ApiError } from '../http/errors.js';
import type { Hub, HubPage } from './hub.js';
import { CloseCode, type ClientMessage, type ServerMessage, type UserRef } from '#protocol/realtime.js';
import { parseClientMessage } from './client-frames.js';
import type { RealtimeSettings } from './settings.js';
import { logFailure, type Logger } from '../http/logger.js';

/** Verifies a portal token sent in an `auth` frame; throws when it is not acceptable. */
export type PageAuthenticator = (token: string, upgrade: IncomingMessage) => Promise<UserRef>;

export interface PageDeps {
  hub: Hub;
  settings: RealtimeSettings;
  authenticate: PageAuthenticator;
  logger: Logger;
  /** Called once the page is ready, to send it what is already going on (a call ringing it). */
  onReady(page: Page): Promise<void>;
  /** `watch-rooms`: the feature above checks membership and sends the rooms' status. */
  onWatchRooms?(page: Page, add: string[], remove: string[]): Promise<void>;
}

/** Most rooms one page may watch. */
export const MAX_WATCHED_ROOMS = 100;

export class Page implements HubPage {
  readonly id = randomBytes(9).toString('base64url');
  user?: UserRef;
  readonly watching = new Set<string>();
  readonly watchingRooms = new Set<string>();
  /** Answered the last heartbeat ping. */
  alive = true;
  private tokens: number;
  private refilledAt = Date.now();
  private timer?: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(readonly ws: WebSocket, private readonly upgrade: IncomingMessage, private readonly deps: PageDeps) {
    this.tokens = deps.settings.messageBurst;
    this.timer = setTimeout(() => this.close(CloseCode.authTimeout, 'auth timeout'), deps.settings.authTimeoutMs);
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('pong', () => { this.alive = true; });
    ws.on('close', () => this.onClosed());
    ws.on('error', () => this.onClosed());
  }

  send(frame: string): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.deps.settings.maxBufferedBytes) {
      // It does not read what it is sent: a close frame would queue behind the rest, so cut it off.
      this.closed = true;
      this.ws.terminate();
      return;
    }
    this.ws.send(frame);
  }

  sendMessage(m: ServerMessage): void {
    this.send(JSON.stringify(m));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }

  private onFrame(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.takeToken()) return this.close(CloseCode.flood, 'too many messages');
    if (isBinary) return this.close(CloseCode.malformed, 'binary frames are not accepted');
    const parsed = parseClientMessage(data.toString());
    if (typeof parsed === 'string') return this.close(CloseCode.malformed, parsed);
    // One message at a time, in order: a watch sent right after auth waits for the auth to finish.
    this.queue = this.queue.then(() => this.handle(parsed)).catch((err) => {
      logFailure(this.deps.logger, 'page message failed', { page: this.id, user: this.user?.id, type: parsed.type })(err);
      this.close(CloseCode.internal, 'internal error');
    });
  }

  private async handle(m: ClientMessage): Promise<void> {
    if (this.closed) return;
    if (m.type === 'auth') return this.auth(m.token);
    if (!this.user) return this.close(CloseCode.unauthorized, 'authenticate first');
    if (m.type === 'ping') return this.sendMessage({ type: 'pong' });
    if (m.type === 'watch-rooms') {
      // Duplicates dropped; counted as the page will be after the frame (removes first, then adds),
      // so ids in `remove` that are not watched buy nothing.
      const remove = [...new Set(m.remove ?? [])].filter((r) => this.watchingRooms.has(r));
      const removing = new Set(remove);
      const add = [...new Set(m.add ?? [])].filter((r) => !this.watchingRooms.has(r) || removing.has(r));
      if (this.watchingRooms.size - remove.length + add.length > MAX_WATCHED_ROOMS) {
        return this.sendMessage({ type: 'error', error: { code: 'invalid_input', message: `a page may watch at most ${MAX_WATCHED_ROOMS} rooms` } });
      }
      if (!this.deps.onWatchRooms) return this.sendMessage({ type: 'error', error: { code: 'not_configured', message: 'room status is not served here' } });
      return this.deps.onWatchRooms(this, add, remove);
    }
    const add = m.add ?? [];
    const remove = m.remove ?? [];
    // Counted as the page will be after the frame: ids in `remove` that are not watched buy nothing.
    if (this.watchedAfter(add, remove) > this.deps.settings.maxWatched) {
      return this.sendMessage({ type: 'error', error: { code: 'invalid_input', message: `a page may watch at most ${this.deps.settings.maxWatched} contacts` } });
    }
    await this.deps.hub.watch(this, add, remove);
  }

  /** How many contacts the page watches once `remove` and then `add` are applied (Hub.watch's order). */
  private watchedAfter(add: string[], remove: string[]): number {
    const removed = new Set(remove);
    const kept = new Set([...this.watching].filter((id) => !removed.has(id)));
    for (const id of add) kept.add(id);
    return kept.size;
  }

  private async auth(token: string): Promise<void> {
    let user: UserRef;
    try {
      user = await this.deps.authenticate(token, this.upgrade);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'unauthorized';
      if (this.user) this.sendMessage({ type: 'error', error: { code, message: 'the refreshed token was not accepted' } });
      return this.close(CloseCode.unauthorized, code === 'token_expired' ? 'token expired' : 'unauthorized');
    }
    if (this.closed) return;
    if (this.user && this.user.id !== user.id) return this.close(CloseCode.unauthorized, 'token is for another user');
    this.scheduleExpiry(token);
    if (this.user) return; // a refresh: nothing else changes
    if (this.deps.hub.pagesOf(user.id) >= this.deps.settings.maxPagesPerUser) return this.close(CloseCode.flood, 'too many pages');
    this.user = user;
    await this.deps.hub.join(this);
    if (this.closed) return;
    this.sendMessage({ type: 'ready', user, page: this.id });
    await this.deps.onReady(this);
  }

  /** A page whose token runs out without a refresh is closed (4001) at the token's expiry. */
  private scheduleExpiry(token: string): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const exp = (jwt.decode(token) as { exp?: unknown } | null)?.exp;
    if (typeof exp !== 'number') return;
    const ms = exp * 1000 - Date.now();
    this.timer = setTimeout(() => {
      this.sendMessage({ type: 'error', error: { code: 'token_expired', message: 'the portal token expired; reconnect with a fresh one' } });
      this.close(CloseCode.unauthorized, 'token expired');
    }, Math.max(0, Math.min(ms, 2_147_000_000)));
  }

  private takeToken(): boolean {
    const now = Date.now();
    const { messagesPerSecond, messageBurst } = this.deps.settings;
    this.tokens = Math.min(messageBurst, this.tokens + ((now - this.refilledAt) / 1000) * messagesPerSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private onClosed(): void {
    this.closed = true;
    clearTimeout(this.timer);
    if (this.watching.size > 0 || this.watchingRooms.size > 0 || this.user) {
      this.deps.hub.leave(this);
      this.user = undefined;
    }
  }
}
