// Invites for external guests: moderators create and revoke them and fetch them as calendar
// events; the guest page reads what an invite is for. Invite tokens travel only in bodies (never
// in a path or query string, which proxies log), and every link is built from PUBLIC_URL.
import { Router, type Request, type Response } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, employeeOf, moderatedRoom } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { instant, integer, jsonBody, optionalText, roomIdParam } from '../http/validation.js';
import { inviteCalendar, inviteMailto } from '../invites/calendar.js';
import { removeGuestsOfInvite } from '../invites/guest-removal.js';
import type { InviteClaims } from '../invites/invite-token.js';

const MAX_LIFETIME_MS = 365 * 24 * 3600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Verifies an invite token and checks it against the store: 404 unknown, 410 expired/revoked. */
export async function openInvite(ctx: RouteContext, invite: unknown): Promise<InviteClaims> {
  if (typeof invite !== 'string' || invite.length === 0) throw invalidInput('invite must be the invite token from the link');
  const claims = ctx.invites.verify(invite);
  const stored = await ctx.inviteStore.get(claims.id);
  if (!stored || stored.room !== claims.room) throw new ApiError(404, 'not_found', 'this invite does not exist');
  if (stored.revokedAt) throw new ApiError(410, 'invite_revoked', 'this invite has been revoked');
  return claims;
}

function inviteIdParam(req: Request): string {
  const id = req.params['id'];
  if (typeof id !== 'string' || !UUID.test(id)) throw invalidInput('invite id must be the id returned when the invite was made');
  return id;
}

/** `/rooms/:room/invites/:id` for the room's moderator: the room, the invite id and what is stored of it; 404 when it is not this room's. */
async function moderatedInvite(ctx: RouteContext, req: Request, res: Response) {
  const room = roomIdParam(req);
  await moderatedRoom(ctx.directory, employeeOf(res), room);
  const id = inviteIdParam(req);
  const stored = await ctx.inviteStore.get(id);
  if (!stored || stored.room !== room) throw new ApiError(404, 'not_found', 'no such invite for this room');
  return { room, id, stored };
}

export function inviteRoutes(ctx: RouteContext): Router {
  const router = Router();
  const auth = authenticated(ctx.authenticate);
  const guestLink = (invite: string) => `${ctx.config.publicUrl}/guest#invite=${invite}`;

  router.post('/rooms/:room/invites', auth, async (req, res) => {
    const room = roomIdParam(req);
    const user = employeeOf(res);
    const found = await moderatedRoom(ctx.directory, user, room);
    const body = jsonBody(req);
    const title = optionalText(body, 'title', { max: 200 }) ?? found.name;
    const startsAt = instant(body, 'startsAt');
    const durationMinutes = integer(body, 'durationMinutes', { min: 5, max: 24 * 60, default: 60 });
    const ends = startsAt.getTime() + durationMinutes * 60_000;
    const requested = body['expiresAt'] === undefined ? new Date(ends + 12 * 3600_000) : instant(body, 'expiresAt');
    const expiresAt = new Date(Math.floor(requested.getTime() / 1000) * 1000); // JWT exp has whole seconds
    if (expiresAt.getTime() <= Date.now() + 60_000) throw invalidInput('expiresAt must be in the future');
    if (expiresAt.getTime() > Date.now() + MAX_LIFETIME_MS) throw invalidInput('expiresAt must be within a year');
    if (!ctx.config.publicUrl) throw new ApiError(501, 'not_configured', 'PUBLIC_URL is not set, so invite links cannot be made');
    await ctx.limits.beforeInvite(user.id);
    const fields = { room, title, startsAt: startsAt.toISOString(), durationMinutes, expiresAt: expiresAt.toISOString() };
    const { id, invite } = ctx.invites.sign(fields);
    await ctx.inviteStore.record(id, { room, expiresAt: fields.expiresAt, createdBy: user.id, title, startsAt: fields.startsAt, durationMinutes });
    ctx.metrics.invite('created');
    const url = guestLink(invite);
    res.status(201).json({
      id,
      invite,
      url,
      mailto: inviteMailto({ id, ...fields }, url),
      expiresAt: fields.expiresAt,
    });
  });

  router.delete('/rooms/:room/invites/:id', auth, async (req, res) => {
    const { room, id, stored } = await moderatedInvite(ctx, req, res);
    const wasRevoked = stored.revokedAt !== undefined;
    await ctx.inviteStore.revoke(id);
    if (!wasRevoked) ctx.metrics.invite('revoked');
    let removed: string[] = [];
    let guestsRemoved = true;
    try {
      removed = await removeGuestsOfInvite(ctx.roomService, room, id);
      ctx.roomStatus.invalidate(room);
    } catch (err) {
      // The revocation holds regardless; late joiners are removed by the webhook handler.
      guestsRemoved = false;
      ctx.log(`revoked invite ${id} but could not remove its guests: ${(err as Error).message}`);
    }
    res.json({ id, revoked: true, removed, guestsRemoved });
  });

  // The guest page: the invite comes in the body.
  router.post('/invites/lookup', async (req, res) => {
    const invite = await openInvite(ctx, jsonBody(req)['invite']);
    res.json({ room: invite.room, title: invite.title, startsAt: invite.startsAt, durationMinutes: invite.durationMinutes, expiresAt: invite.expiresAt });
  });

  // The moderator's calendar file, fetched with their own credentials, to attach to their mail.
  router.get('/rooms/:room/invites/:id/calendar.ics', auth, async (req, res) => {
    const { room, id, stored } = await moderatedInvite(ctx, req, res);
    if (stored.revokedAt) throw new ApiError(410, 'invite_revoked', 'this invite has been revoked');
    if (Date.parse(stored.expiresAt) <= Date.now()) throw new ApiError(410, 'invite_expired', 'this invite has expired');
    if (stored.title === undefined || stored.startsAt === undefined || stored.durationMinutes === undefined) {
      throw new ApiError(404, 'not_found', 'this invite was made before calendar files were kept; make a new one');
    }
    if (!ctx.config.publicUrl) throw new ApiError(501, 'not_configured', 'PUBLIC_URL is not set');
    const claims = { room, title: stored.title, startsAt: stored.startsAt, durationMinutes: stored.durationMinutes, expiresAt: stored.expiresAt };
    const { invite } = ctx.invites.sign(claims, id);
    res.type('text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="invite.ics"');
    res.send(inviteCalendar({ id, ...claims }, guestLink(invite)));
  });

  return router;
}
