// A room meeting's chat: GET the messages so far (late joiners), POST one. The sender is the
// authenticated person, never the body. Members read the whole meeting's chat; a guest only while
// admitted to the meeting that runs now, and only what was written from their admission on; a
// colleague rung in who is no member, from their "Teilnehmen" on.
import { Router, type Response } from 'express';
import type { RouteContext } from '../context.js';
import { attendedRoom, authenticated, displayNameOf, principalOf } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { jsonBody, roomIdParam } from '../http/validation.js';
import { admittedGuest } from '../guests/guest-access.js';
import { CHAT_PAGE_MAX, RoomChat } from '../rooms/chat.js';

const MESSAGE_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `?limit=` 1..CHAT_PAGE_MAX, default CHAT_PAGE_MAX. */
function pageLimit(raw: unknown): number {
  if (raw === undefined) return CHAT_PAGE_MAX;
  const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= CHAT_PAGE_MAX)) throw invalidInput(`limit must be a whole number from 1 to ${CHAT_PAGE_MAX}`);
  return n;
}
import { CHAT_MAX_LENGTH, type ChatMessage } from '#protocol/rest.js';

// Newlines and tabs belong in a chat message; other control and invisible formatting characters do not.
const UNPRINTABLE = /[\p{Cs}\p{Co}\p{Zl}\p{Zp}\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** The sender, and for a guest the instant (ms) from which they may read. */
async function senderIn(ctx: RouteContext, res: Response, room: string): Promise<{ from: ChatMessage['from']; readsFrom?: number }> {
  const principal = principalOf(res);
  if (principal.kind === 'guest') {
    const admission = await admittedGuest(ctx.waitingRoom, principal, room);
    return { from: { identity: principal.id, name: principal.name, guest: true }, readsFrom: Date.parse(admission.admittedAt ?? admission.since) };
  }
  const { since } = await attendedRoom(ctx.places, ctx.colleagueRings, principal, room);
  return { from: { identity: principal.id, name: await displayNameOf(ctx.directory, principal), guest: false }, ...(since !== undefined ? { readsFrom: since } : {}) };
}

export function chatRoutes(ctx: RouteContext): Router {
  const router = Router();
  const auth = authenticated(ctx.authenticate);

  router.get('/rooms/:room/chat', auth, async (req, res) => {
    const room = roomIdParam(req);
    const limit = pageLimit(req.query['limit']);
    const before = req.query['before'];
    if (before !== undefined && (typeof before !== 'string' || !MESSAGE_ID.test(before))) throw invalidInput('before must be a message id');
    const { readsFrom } = await senderIn(ctx, res, room);
    const all = await ctx.chat.list(room);
    // What the employees wrote among themselves before a guest came stays theirs.
    const visible = readsFrom === undefined ? all : all.filter((m) => Date.parse(m.at) >= readsFrom);
    res.json(RoomChat.page(visible, { limit, ...(before !== undefined ? { before } : {}) }));
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
    const { from } = await senderIn(ctx, res, room);
    await ctx.limits.beforeChat(from.identity, [...text].length);
    const message = await ctx.chat.post(room, from, text);
    if (!message) throw new ApiError(409, 'conflict', 'no meeting runs in this room');
    res.status(201).json({ message });
  });

  return router;
}
