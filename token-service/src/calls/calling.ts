// Calls and room rings on top of the realtime transport, one set per token service: the shared
// state (bus and call store on the same backend), the call service, the room ringer, and the
// hooks that tie them to pages (a call ringing a page that connects, a user whose pages are all
// gone) and to LiveKit's webhooks (someone left a call room, joined a rung room).
import { createPageAuthenticator } from '../auth/authenticate-page.js';
import { clientAddressResolver } from '../http/client-address.js';
import type { TokenServiceContext } from '../context.js';
import type { RealtimeBus } from '../realtime/bus.js';
import { MemoryBus } from '../realtime/memory-bus.js';
import { Realtime } from '../realtime/realtime.js';
import { RedisBus } from '../realtime/redis-bus.js';
import { defaultRealtimeSettings, type RealtimeSettings } from '../realtime/settings.js';
import type { CallStore } from './call-store.js';
import { CallService } from './call-service.js';
import { MemoryCallStore } from './memory-call-store.js';
import { RedisCallStore } from './redis-call-store.js';
import { RoomRinger } from './room-ring.js';

export interface Calling {
  realtime: Realtime;
  calls: CallService;
  rings: RoomRinger;
  /** Closes the pages, stops the call timers and leaves the bus. */
  close(): Promise<void>;
}

interface WebhookLike { event?: string; room?: { name?: string }; participant?: { identity?: string } }

export function createCalling(ctx: TokenServiceContext): Calling {
  const { config } = ctx;
  const settings: RealtimeSettings = { ...defaultRealtimeSettings, ...config.realtime };
  const { bus, store } = openSharedState(settings, config.redisUrl);
  const calls = new CallService({
    bus, store, settings,
    getUser: (id) => ctx.directory.getUser(id),
    mintCallToken: (user, room) => ctx.mintRoomToken({ identity: user.id, name: user.name, room, role: 'caller' }),
    livekitUrl: config.livekit.url,
    limits: ctx.limits,
    metrics: ctx.metrics,
  });
  const rings = new RoomRinger({ bus, store, settings, getRoom: (id) => ctx.directory.getRoom(id), limits: ctx.limits, metrics: ctx.metrics });
  const realtime = new Realtime({
    settings, bus,
    allowedOrigins: config.allowedOrigins,
    clientAddress: clientAddressResolver(config.trustProxy),
    authenticatePage: createPageAuthenticator(ctx),
    onPageReady: async (page) => {
      const call = await calls.currentCallOf(page.user!.id);
      if (call) page.sendMessage({ type: 'call', call });
    },
    // The call window lives in a portal page: a user with no page left anywhere has left their call.
    onUserGone: (userId) => {
      calls.userGone(userId).catch((err) => console.error('[calls] ending the call of a departed user failed:', (err as Error).message));
    },
    onClosing: () => {
      calls.close();
      rings.close();
      store.close();
    },
  });

  ctx.events.on('webhook', (ev: WebhookLike) => {
    onWebhook(ev).catch((err) => console.error('[calls] webhook handling failed:', (err as Error).message));
  });
  async function onWebhook(ev: WebhookLike): Promise<void> {
    const room = ev.room?.name;
    if (!room) return;
    if (ev.event === 'participant_left' || ev.event === 'room_finished') {
      await calls.roomEvent(ev.event, room, ev.participant?.identity);
    } else if (ev.event === 'participant_joined' && ev.participant?.identity) {
      await rings.joined(room, ev.participant.identity);
    }
  }

  return { realtime, calls, rings, close: () => realtime.close() };
}

/** In this process's memory, or in Redis shared with the other processes: bus and store together. */
function openSharedState(settings: RealtimeSettings, redisUrl: string | undefined): { bus: RealtimeBus; store: CallStore & { close(): void } } {
  if (redisUrl) {
    const bus = new RedisBus(redisUrl, { processTimeoutMs: settings.processTimeoutMs, graceMs: settings.graceMs });
    return { bus, store: new RedisCallStore(bus) };
  }
  const bus = new MemoryBus();
  return { bus, store: new MemoryCallStore(bus) };
}
