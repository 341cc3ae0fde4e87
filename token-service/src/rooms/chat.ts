// A room meeting's chat: messages kept for the meeting's lifetime (in the shared store, so every
// token-service process answers late joiners the same) and delivered to everyone in the room
// through LiveKit data (RoomService SendData, topic `timio.chat`). Deleted when the room finishes.
import { randomBytes } from 'node:crypto';
import { CHAT_TOPIC, type ChatMessage } from '#protocol/rest.js';
import type { CallStore } from '../calls/call-store.js';
import type { RoomService } from '../livekit/room-service.js';

/** The oldest messages give way beyond this many per meeting. */
export const CHAT_KEEP = 500;
/** A chat no room_finished webhook cleared is forgotten after this long. */
const CHAT_TTL_MS = 24 * 60 * 60 * 1000;

const key = (room: string) => `chat:${room}`;

export class RoomChat {
  private readonly encoder = new TextEncoder();

  constructor(private readonly deps: { store: CallStore; roomService: RoomService }) {}

  async list(room: string): Promise<ChatMessage[]> {
    return JSON.parse((await this.deps.store.getRecord(key(room))) ?? '[]') as ChatMessage[];
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
      const next = JSON.stringify([...(JSON.parse(raw ?? '[]') as ChatMessage[]), message].slice(-CHAT_KEEP));
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
