// Chat of one room over a LiveKit text stream topic. The sender is the identity the media server
// stamped on the stream (the participant), never a name inside the message.
import type { Room } from 'livekit-client';
import { Store } from './store.js';
import type { ChatMessage } from './types.js';

import { CHAT_TOPIC } from '../protocol/rest.js';

export { CHAT_TOPIC };
/** Longest message accepted, in characters (the conference's chat limit). */
export const CHAT_MAX_CHARS = 2000;

export class ChatTooLongError extends Error {
  readonly code = 'chat_too_long';
}

export class Chat {
  readonly messages = new Store<readonly ChatMessage[]>([]);
  private seq = 0;

  constructor(private readonly room: Room, private readonly nameOf: (identity: string) => string) {
    room.registerTextStreamHandler(CHAT_TOPIC, (reader, sender) => {
      void reader.readAll().then((text) => {
        if (!text.trim()) return;
        this.add({ from: sender.identity, fromName: this.nameOf(sender.identity), mine: false, text: text.slice(0, CHAT_MAX_CHARS) });
      }, () => undefined);
    });
  }

  async send(text: string): Promise<void> {
    const body = text.trim();
    if (!body) return;
    if ([...body].length > CHAT_MAX_CHARS) throw new ChatTooLongError(`a chat message holds at most ${CHAT_MAX_CHARS} characters`);
    await this.room.localParticipant.sendText(body, { topic: CHAT_TOPIC });
    const self = this.room.localParticipant;
    this.add({ from: self.identity, fromName: self.name || self.identity, mine: true, text: body });
  }

  close(): void {
    this.room.unregisterTextStreamHandler(CHAT_TOPIC);
    this.messages.close();
  }

  private add(message: Omit<ChatMessage, 'id' | 'at'>): void {
    this.messages.update((list) => [...list, { ...message, id: `m${++this.seq}`, at: Date.now() }]);
  }
}
