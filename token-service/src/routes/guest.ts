// An external guest's way into the one room of their invite: POST /v1/guest/token {invite, name}
// (refused before the invite opens), then, if the guest has to wait, POST /v1/guest/admission with
// the guest token as bearer until a moderator lets them in (or turns them away).
import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import type { GuestAdmission, GuestGrant, GuestWaiting } from '#protocol/rest.js';
import type { GuestPrincipal } from '../auth/principal.js';
import { authenticated, principalOf } from '../http/access.js';
import { displayName, integer, jsonBody } from '../http/validation.js';
import { POLL_MS } from '../guests/waiting-room.js';
import { ATTR_GUEST, ATTR_INVITE } from '#protocol/attributes.js';
import { openInvite, opensAt } from './invites.js';
import { ApiError } from '../http/errors.js';
import { claimsRole, lookalikeKey } from '../directory/lookalikes.js';
import { closedFor } from '../guests/guest-access.js';

/** The LiveKit grant of a guest who may go in now. */
export async function guestGrant(ctx: RouteContext, guest: Omit<GuestPrincipal, 'kind'>, expiresAt: string): Promise<GuestGrant> {
  const token = await ctx.mintRoomToken({
    identity: guest.id,
    name: guest.name,
    room: guest.room,
    role: 'guest',
    metadata: JSON.stringify({ guest: true }),
    attributes: { [ATTR_GUEST]: '1', [ATTR_INVITE]: guest.inviteId },
  });
  const guestToken = ctx.guestSessions.sign(guest, expiresAt);
  return { state: 'admitted', token, url: ctx.config.livekit.url, identity: guest.id, room: guest.room, role: 'guest', name: guest.name, guestToken };
}

export function guestRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.post('/guest/token', async (req, res) => {
    const body = jsonBody(req);
    const { claims: invite, stored } = await openInvite(ctx, body['invite']);
    const opens = opensAt(ctx, invite.startsAt);
    if (ctx.now() < opens.getTime()) {
      throw Object.assign(new ApiError(403, 'not_open_yet', `this meeting opens for guests at ${opens.toISOString()}`), { opensAt: opens.toISOString() });
    }
    const name = displayName(body);
    // A role is refused whoever is in the directory; a member's name is not (see resemblesMember).
    if (claimsRole(name)) throw new ApiError(409, 'name_taken', 'a guest name may not name a role such as Moderator or Admin; please use your own name');
    const resembles = await resemblesMember(ctx, invite.room, name);
    // Directory ids cannot contain ':', so a guest can never take an employee's identity.
    const guest = { id: `guest:${randomBytes(12).toString('base64url')}`, name, room: invite.room, inviteId: invite.id };
    const reason = await ctx.waitingRoom.reasonToWait(invite.room, stored.waitingRoom === true);
    const record = { identity: guest.id, name, room: invite.room, inviteId: invite.id, expiresAt: invite.expiresAt, ...(resembles ? { resembles: true as const } : {}) };
    if (resembles) await ctx.waitingRoom.resembles(invite.room, { identity: guest.id, name });
    if (!reason) {
      await ctx.waitingRoom.admitNow(record);
      res.json(await guestGrant(ctx, guest, invite.expiresAt));
      return;
    }
    await ctx.waitingRoom.enter({ ...record, reason });
    const waiting: GuestWaiting = { state: 'waiting', identity: guest.id, room: invite.room, name, reason, guestToken: ctx.guestSessions.sign(guest, invite.expiresAt) };
    res.status(202).json(waiting);
  });

  // Long poll: answers when a moderator decided, or after `waitSeconds` (default and most 25) with "still waiting".
  router.post('/guest/admission', authenticated(ctx.authenticate), async (req, res) => {
    const holdSeconds = integer(jsonBody(req), 'waitSeconds', { min: 0, max: POLL_MS / 1000, default: POLL_MS / 1000 });
    const principal = principalOf(res);
    if (principal.kind !== 'guest') throw new ApiError(403, 'forbidden', 'only a waiting guest asks for admission');
    await ctx.limits.beforeAdmissionPoll(principal.id);
    const gone = new AbortController();
    // Closed before the answer: the page went (closed, navigated, "Abbrechen"), so the guest
    // leaves the waiting list now rather than after WAITING_ALIVE_MS.
    // (It may have closed already while the request was authenticated.)
    if (res.closed) gone.abort();
    else res.on('close', () => { if (!res.writableEnded) gone.abort(); });
    const admission = await ctx.waitingRoom.poll(principal.id, gone.signal, holdSeconds * 1000);
    if (gone.signal.aborted) {
      if (admission?.state === 'waiting') await ctx.waitingRoom.leave(principal.id);
      return;
    }
    if (!admission) throw new ApiError(404, 'not_found', 'this guest is not waiting here; open the invite link again');
    let answer: GuestAdmission;
    if (admission.state === 'admitted') {
      // Admitted to a meeting that has ended since: no media token for the meeting that runs now.
      const standing = await ctx.waitingRoom.standing(principal.id);
      if (!standing?.admitted) throw closedFor(standing?.admission, standing?.ended ?? false);
      // The invite may have been revoked while the guest waited: authenticate checked it above,
      // but check again for a revocation during the hold.
      if (await ctx.inviteStore.isRevoked(admission.inviteId)) throw new ApiError(410, 'invite_revoked', 'this invite has been revoked');
      answer = await guestGrant(ctx, { id: principal.id, name: principal.name, room: principal.room, inviteId: principal.inviteId }, admission.expiresAt);
    } else if (admission.state === 'denied') answer = { state: 'denied' };
    else if (admission.state === 'waiting') answer = { state: 'waiting', reason: admission.reason ?? 'waiting_room' };
    else throw closedFor(admission, false);
    res.json(answer);
  });

  // "Abbrechen" on the guest page: out of the waiting list at once (idempotent: `left` says whether they were waiting).
  router.post('/guest/leave', authenticated(ctx.authenticate), async (req, res) => {
    jsonBody(req);
    const principal = principalOf(res);
    if (principal.kind !== 'guest') throw new ApiError(403, 'forbidden', 'only a waiting guest leaves the waiting room');
    res.json({ identity: principal.id, left: await ctx.waitingRoom.leave(principal.id) });
  });
  return router;
}

/**
 * Whether the name reads like the name of someone of the room (its members and moderators, the
 * people the guest meets there): the same, or the same but for confusable letters (UTS #39
 * skeletons, directory/lookalikes.ts). Such a guest is not refused: a refusal would tell anyone
 * with a link which names the directory holds, and a real namesake from a customer must get in.
 * They are marked "Gast" like every guest, and the room's moderators are told.
 */
async function resemblesMember(ctx: RouteContext, roomId: string, name: string): Promise<boolean> {
  const room = await ctx.directory.getRoom(roomId);
  if (!room) return false;
  const wanted = lookalikeKey(name);
  if (!wanted) return false;
  const people = await Promise.all([...new Set([...room.members, ...room.moderators])].map((id) => ctx.directory.getUser(id)));
  return people.some((u) => u && lookalikeKey(u.name) === wanted);
}
