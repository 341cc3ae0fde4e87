// Turns the room manager's events into signed LiveKit webhooks. Each URL has its own ordered queue
// (a receiver sees room_started before participant_joined); failed posts are retried briefly and
// then dropped, and nothing here ever waits inside a room's event emission.
import { randomUUID } from 'node:crypto';
import { WebhookEvent } from '@livekit/protocol';
import type { WebhookNotifier, WebhookNotifierOptions } from '../context.js';
import type { RoomEventMap, RoomEventName } from '../room/room-events.js';
import { signWebhookBody } from './sign.js';

const EVENTS: RoomEventName[] = ['room_started', 'room_finished', 'participant_joined', 'participant_left', 'track_published', 'track_unpublished'];
const RETRY_DELAYS_MS = [200, 1000];
const REQUEST_TIMEOUT_MS = 3000;
const MAX_QUEUED = 1000;
const CLOSE_GRACE_MS = 2000;

class DeliveryQueue {
  private readonly pending: string[] = [];
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();
  dropped = 0;

  constructor(private readonly url: string, private readonly authorize: (body: string) => string) {}

  push(body: string): void {
    if (this.abort.signal.aborted) return;
    if (this.pending.length >= MAX_QUEUED) {
      this.pending.shift();
      this.dropped += 1;
    }
    this.pending.push(body);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Waits up to `graceMs` for queued events, then abandons the rest. */
  async close(graceMs: number): Promise<void> {
    if (this.running) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.running, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    this.pending.length = 0;
    this.abort.abort();
  }

  private async drain(): Promise<void> {
    for (let body = this.pending.shift(); body !== undefined; body = this.pending.shift()) {
      await this.deliver(body);
    }
  }

  private async deliver(body: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (this.abort.signal.aborted) return;
      try {
        const res = await fetch(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/webhook+json', Authorization: this.authorize(body) },
          body,
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return;
        // a receiver that refuses the event (4xx) will refuse it again
        if (res.status < 500 && res.status !== 429) {
          console.warn(`[media] webhook ${this.url} refused an event: HTTP ${res.status}`);
          return;
        }
      } catch {
        // unreachable or timed out: retry below
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) {
        console.warn(`[media] webhook ${this.url} unreachable; event dropped`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export function createWebhookNotifier(opts: WebhookNotifierOptions): WebhookNotifier {
  if (opts.urls.length === 0) return { close: async () => undefined };
  const authorize = (body: string) => signWebhookBody(body, opts.apiKey, opts.apiSecret);
  const queues = opts.urls.map((url) => new DeliveryQueue(url, authorize));
  const listeners = EVENTS.map((event) => {
    const listener = (payload: RoomEventMap[typeof event][0]) => {
      const message = new WebhookEvent({
        event,
        id: randomUUID(),
        createdAt: BigInt(Math.floor(Date.now() / 1000)),
        room: payload.room,
        participant: 'participant' in payload ? payload.participant : undefined,
        track: 'track' in payload ? payload.track : undefined,
      });
      const body = message.toJsonString();
      for (const queue of queues) queue.push(body);
    };
    opts.rooms.on(event, listener);
    return { event, listener };
  });
  return {
    async close() {
      for (const { event, listener } of listeners) opts.rooms.off(event, listener);
      await Promise.all(queues.map((q) => q.close(CLOSE_GRACE_MS)));
    },
  };
}
