// Chat of one room. Two channels, chosen by the session's options:
// - a conference's chat goes through the token service (`transport`): it stamps the sender from the
//   signed-in person, keeps the meeting's messages for late joiners and delivers each one as server
//   data on topic `timio.chat` (`{type:'chat', message}`); data with that topic from a participant
//   is ignored, so nobody can post in another's name;
// - without a transport, LiveKit text streams on the same topic (the sender is the identity the
//   media server stamped on the stream, never a name inside the message).
import { RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';
import type { RoomChatMessage } from '#protocol/rest.js';
import { Store } from './store.js';
import type { ChatMessage } from './types.js';

import { CHAT_TOPIC } from '#protocol/rest.js';

export { CHAT_TOPIC };
/** Longest message accepted, in characters (the conference's chat limit). */
export const CHAT_MAX_CHARS = 2000;

export class ChatTooLongError extends Error {
  readonly code = 'chat_too_long';
}

/** The token service's chat routes of one room (POST/GET /v1/rooms/:room/chat). */
export interface ChatTransport {
  send(text: string): Promise<RoomChatMessage>;
  history(): Promise<readonly RoomChatMessage[]>;
}

export class Chat {
  readonly messages = new Store<readonly ChatMessage[]>([]);
  private seq = 0;
  private readonly onData = (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
    if (topic !== CHAT_TOPIC || participant) return;
    try {
      const frame = JSON.parse(new TextDecoder().decode(payload)) as { type?: unknown; message?: unknown };
      if (frame.type === 'chat' && isRoomChatMessage(frame.message)) this.merge([frame.message]);
    } catch {
      // not ours
    }
  };

  constructor(
    private readonly room: Room,
    private readonly nameOf: (identity: string) => string,
    private readonly transport?: ChatTransport,
  ) {
    if (transport) {
      room.on(RoomEvent.DataReceived, this.onData);
      return;
    }
    room.registerTextStreamHandler(CHAT_TOPIC, (reader, sender) => {
      void reader.readAll().then((text) => {
        if (!text.trim()) return;
        this.add({ from: sender.identity, fromName: this.nameOf(sender.identity), mine: false, text: text.slice(0, CHAT_MAX_CHARS) });
      }, () => undefined);
    });
  }

  /** Loads the meeting's earlier messages (a late joiner sees what was said). */
  async loadHistory(): Promise<void> {
    if (this.transport) this.merge(await this.transport.history());
  }

  async send(text: string): Promise<void> {
    const body = text.trim();
    if (!body) return;
    if ([...body].length > CHAT_MAX_CHARS) throw new ChatTooLongError(`a chat message holds at most ${CHAT_MAX_CHARS} characters`);
    if (this.transport) {
      this.merge([await this.transport.send(body)]);
      return;
    }
    await this.room.localParticipant.sendText(body, { topic: CHAT_TOPIC });
    const self = this.room.localParticipant;
    this.add({ from: self.identity, fromName: self.name || self.identity, mine: true, text: body });
  }

  close(): void {
    if (this.transport) this.room.off(RoomEvent.DataReceived, this.onData);
    else this.room.unregisterTextStreamHandler(CHAT_TOPIC);
    this.messages.close();
  }

  private add(message: Omit<ChatMessage, 'id' | 'at'>): void {
    this.messages.update((list) => [...list, { ...message, id: `m${++this.seq}`, at: Date.now() }]);
  }

  /** Adds server messages not seen yet (the answer to a send and its delivery both arrive), by time. */
  private merge(incoming: readonly RoomChatMessage[]): void {
    const self = this.room.localParticipant.identity;
    const known = new Set(this.messages.value.map((m) => m.id));
    const fresh = incoming.filter((m) => !known.has(m.id)).map((m): ChatMessage => ({
      id: m.id, from: m.from.identity, fromName: m.from.name, guest: m.from.guest, mine: m.from.identity === self, at: Date.parse(m.at) || Date.now(), text: m.text.slice(0, CHAT_MAX_CHARS),
    }));
    if (fresh.length) this.messages.update((list) => [...list, ...fresh].sort((a, b) => a.at - b.at));
  }
}

function isRoomChatMessage(value: unknown): value is RoomChatMessage {
  const m = value as RoomChatMessage | undefined;
  return typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.text === 'string' && typeof m.at === 'string'
    && typeof m.from?.identity === 'string' && typeof m.from?.name === 'string';
}
