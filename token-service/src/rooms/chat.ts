// A room meeting's chat: messages kept for the meeting's lifetime (in the shared store, so every
// token-service process answers late joiners the same) and delivered to everyone in the room
// through LiveKit data (RoomService SendData, topic `timio.chat`). Deleted when the room finishes.
import { randomBytes } from 'node:crypto';
import { CHAT_TOPIC, type ChatMessage } from '#protocol/rest.js';
import type { CallStore } from '../calls/call-store.js';
import type { RoomService } from '../livekit/room-service.js';

/** The oldest messages give way beyond this many per meeting … */
export const CHAT_KEEP = 500;
/** … or beyond this many bytes of stored JSON (every GET and every post reads the whole record). */
export const CHAT_KEEP_BYTES = 256 * 1024;
/** Messages one GET answers at most (the newest, or those before `before`). */
export const CHAT_PAGE_MAX = 100;
/** A chat no room_finished webhook cleared is forgotten after this long. */
const CHAT_TTL_MS = 24 * 60 * 60 * 1000;

const key = (room: string) => `chat:${room}`;

export class RoomChat {
  private readonly encoder = new TextEncoder();

  constructor(private readonly deps: { store: CallStore; roomService: RoomService }) {}

  async list(room: string): Promise<ChatMessage[]> {
    return JSON.parse((await this.deps.store.getRecord(key(room))) ?? '[]') as ChatMessage[];
  }

  /**
   * One page, oldest first: the newest `limit` messages of those `visible`, or of those before the
   * message `before`; `more` says whether older ones remain.
   */
  static page(messages: ChatMessage[], opts: { limit: number; before?: string }): { messages: ChatMessage[]; more: boolean } {
    let end = messages.length;
    if (opts.before !== undefined) {
      const at = messages.findIndex((m) => m.id === opts.before);
      end = at < 0 ? 0 : at;
    }
    const start = Math.max(0, end - opts.limit);
    return { messages: messages.slice(start, end), more: start > 0 };
  }

  /** Stores the message and sends it to the room; false when no meeting runs (nothing is kept). */
  async post(room: string, from: ChatMessage['from'], text: string): Promise<ChatMessage | undefined> {
    const message: ChatMessage = { id: randomBytes(9).toString('base64url'), from, at: new Date().toISOString(), text };
    const payload = this.encoder.encode(JSON.stringify({ type: 'chat', message }));
    // Sent first: a room that is not running keeps no chat (it would outlive no meeting).
    if (!(await this.deps.roomService.sendData(room, payload, CHAT_TOPIC))) return undefined;
    const { store } = this.deps;
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await store.getRecord(key(room));
      const next = bounded([...(JSON.parse(raw ?? '[]') as ChatMessage[]), message]);
      if (raw === undefined) {
        await store.putRecord(key(room), next, CHAT_TTL_MS);
        break;
      }
      if (await store.swapRecord(key(room), raw, next, CHAT_TTL_MS)) break;
    }
    return message;
  }

  async finished(room: string): Promise<void> {
    await this.deps.store.deleteRecord(key(room));
  }
}

/** The newest messages within CHAT_KEEP and CHAT_KEEP_BYTES, as stored JSON. */
function bounded(messages: ChatMessage[]): string {
  const kept = messages.slice(-CHAT_KEEP);
  let bytes = 2; // the brackets
  let from = kept.length;
  while (from > 0) {
    const size = Buffer.byteLength(JSON.stringify(kept[from - 1])) + 1;
    if (bytes + size > CHAT_KEEP_BYTES) break;
    bytes += size;
    from--;
  }
  return JSON.stringify(kept.slice(from));
}
