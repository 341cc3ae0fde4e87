// A room meeting's chat: GET the messages so far (late joiners), POST one. The sender is the
// authenticated person, never the body. Members and the room's guests (guest token) may use it.
import { Router, type Response } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, displayNameOf, memberRoom, principalOf } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { jsonBody, roomIdParam } from '../http/validation.js';
import { CHAT_MAX_LENGTH, type ChatMessage } from '#protocol/rest.js';

// Newlines and tabs belong in a chat message; other control and invisible formatting characters do not.
const UNPRINTABLE = /[\p{Cs}\p{Co}\p{Zl}\p{Zp}\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

async function senderIn(ctx: RouteContext, res: Response, room: string): Promise<ChatMessage['from']> {
  const principal = principalOf(res);
  if (principal.kind === 'guest') {
    if (principal.room !== room) throw new ApiError(403, 'not_a_member', 'this guest token is for another room');
    return { identity: principal.id, name: principal.name, guest: true };
  }
  await memberRoom(ctx.directory, principal, room);
  return { identity: principal.id, name: await displayNameOf(ctx.directory, principal), guest: false };
}

export function chatRoutes(ctx: RouteContext): Router {
  const router = Router();
  const auth = authenticated(ctx.authenticate);

  router.get('/rooms/:room/chat', auth, async (req, res) => {
    const room = roomIdParam(req);
    await senderIn(ctx, res, room);
    res.json({ messages: await ctx.chat.list(room) });
  });

  router.post('/rooms/:room/chat', auth, async (req, res) => {
    const room = roomIdParam(req);
    const body = jsonBody(req);
    const raw = body['text'];
    if (typeof raw !== 'string') throw invalidInput('text must be a string');
    const text = raw.normalize('NFC').trim();
    if (text.length === 0) throw invalidInput('text must not be empty');
    if ([...text].length > CHAT_MAX_LENGTH) throw invalidInput(`text must be at most ${CHAT_MAX_LENGTH} characters`);
    if (UNPRINTABLE.test(text)) throw invalidInput('text must not contain control or invisible formatting characters');
    const from = await senderIn(ctx, res, room);
    const message = await ctx.chat.post(room, from, text);
    if (!message) throw new ApiError(409, 'conflict', 'no meeting runs in this room');
    res.status(201).json({ message });
  });

  return router;
}
