// What the HTTP handlers (Twirp RoomService, webhooks) get from the server core.
import type { KeyProvider } from './auth/access-token.js';
import type { RoomManager } from './room/room-manager.js';

export interface MediaServerContext {
  rooms: RoomManager;
  /** API key → secret. */
  keys: KeyProvider;
  apiKey: string;
  apiSecret: string;
}

export interface WebhookNotifierOptions {
  urls: string[];
  apiKey: string;
  apiSecret: string;
  rooms: RoomManager;
}

/** Subscribes to the room manager's events and POSTs signed webhooks; close() flushes/stops. */
export interface WebhookNotifier {
  close(): Promise<void>;
}
