// Invites for external guests: moderators create, list and revoke them and fetch them as calendar
// events; the guest page reads what an invite is for. Invite tokens travel only in bodies (never
// in a path or query string, which proxies log), and every link is built from PUBLIC_URL. Texts
// (mailto, calendar) speak the inviter's language with times in the inviter's zone.
import { Router, type Request, type Response } from 'express';
import type { RouteContext } from '../context.js';
import type { CreatedInvite, InviteInfo, OpenInvite } from '#protocol/rest.js';
import { authenticated, employeeOf, moderatedRoom } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import { bool, instant, integer, jsonBody, optionalText, roomIdParam } from '../http/validation.js';
import { inviteCalendar, inviteMailto } from '../invites/calendar.js';
import { removeGuestsOfInvite } from '../invites/guest-removal.js';
import type { InviteClaims } from '../invites/invite-token.js';
import type { StoredInvite } from '../invites/invite-store.js';
import { INVITE_LANGS, isTimeZone, type InviteLang, type InviteWording } from '../invites/invite-text.js';

const MAX_LIFETIME_MS = 365 * 24 * 3600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Deliberately plain: letters, digits and . _ + - before the @ (no "%", which a mailto decodes,
// no CR/LF), a host name after it. The mailto encodes it besides (invites/calendar.ts).
const EMAIL = /^[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/;

/** Verifies an invite token and checks it against the store: 404 unknown, 410 expired/revoked. */
export async function openInvite(ctx: RouteContext, invite: unknown): Promise<{ claims: InviteClaims; stored: StoredInvite }> {
  if (typeof invite !== 'string' || invite.length === 0) throw invalidInput('invite must be the invite token from the link');
  const claims = ctx.invites.verify(invite);
  const stored = await ctx.inviteStore.get(claims.id);
  if (!stored || stored.room !== claims.room) throw new ApiError(404, 'not_found', 'this invite does not exist');
  if (stored.revokedAt) throw new ApiError(410, 'invite_revoked', 'this invite has been revoked');
  return { claims, stored };
}

/** When guests may start joining: the start minus GUEST_JOIN_OPENS_MINUTES. */
export function opensAt(ctx: RouteContext, startsAt: string): Date {
  return new Date(Date.parse(startsAt) - ctx.config.guestJoinOpensMinutes * 60_000);
}

function inviteIdParam(req: Request): string {
  const id = req.params['id'];
  if (typeof id !== 'string' || !UUID.test(id)) throw invalidInput('invite id must be the id returned when the invite was made');
  return id;
}

function langOf(body: Record<string, unknown>): InviteLang {
  const v = body['lang'];
  if (v === undefined) return 'en';
  if (typeof v !== 'string' || !(INVITE_LANGS as readonly string[]).includes(v)) throw invalidInput(`lang must be one of ${INVITE_LANGS.join(', ')}`);
  return v as InviteLang;
}

function timeZoneOf(body: Record<string, unknown>): string {
  const v = body['timeZone'];
  if (v === undefined) return 'UTC';
  if (typeof v !== 'string' || v.length > 64 || !isTimeZone(v)) throw invalidInput('timeZone must be an IANA time zone such as Europe/Berlin');
  return v;
}

function emailOf(body: Record<string, unknown>): string | undefined {
  const v = body['email'];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || v.length > 254 || !EMAIL.test(v)) throw invalidInput('email must be an e-mail address such as maria@example.com');
  return v;
}

/** What the texts need from a stored invite (older invites: English, UTC). */
function wordingOf(stored: StoredInvite & { title: string; startsAt: string; durationMinutes: number }): InviteWording {
  return {
    title: stored.title, startsAt: stored.startsAt, durationMinutes: stored.durationMinutes,
    lang: stored.lang ?? 'en', timeZone: stored.timeZone ?? 'UTC',
    ...(stored.guestName ? { guestName: stored.guestName } : {}),
  };
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

  /** The invite as moderators see it, with its link signed again (the token is deterministic). */
  function describe(id: string, stored: StoredInvite): CreatedInvite {
    if (stored.title === undefined || stored.startsAt === undefined || stored.durationMinutes === undefined) {
      throw new ApiError(404, 'not_found', 'this invite was made before calendar files were kept; make a new one');
    }
    const full = { ...stored, title: stored.title, startsAt: stored.startsAt, durationMinutes: stored.durationMinutes };
    const { invite } = ctx.invites.sign({ room: stored.room, title: full.title, startsAt: full.startsAt, durationMinutes: full.durationMinutes, expiresAt: stored.expiresAt }, id);
    const url = guestLink(invite);
    return {
      id, invite, url,
      title: full.title, startsAt: full.startsAt, durationMinutes: full.durationMinutes, expiresAt: stored.expiresAt,
      ...(stored.guestName ? { guestName: stored.guestName } : {}),
      ...(stored.email ? { email: stored.email } : {}),
      waitingRoom: stored.waitingRoom === true,
      mailto: inviteMailto(wordingOf(full), url, stored.email),
    };
  }

  router.post('/rooms/:room/invites', auth, async (req, res) => {
    const room = roomIdParam(req);
    const user = employeeOf(res);
    const found = await moderatedRoom(ctx.directory, user, room);
    const body = jsonBody(req);
    const title = optionalText(body, 'title', { max: 200 }) ?? found.name;
    const startsAt = instant(body, 'startsAt');
    const durationMinutes = integer(body, 'durationMinutes', { min: 5, max: 24 * 60, default: 60 });
    const lang = langOf(body);
    const timeZone = timeZoneOf(body);
    const guestName = optionalText(body, 'guestName', { max: 100 });
    const email = emailOf(body);
    const waitingRoom = body['waitingRoom'] === undefined ? false : bool(body, 'waitingRoom');
    const ends = startsAt.getTime() + durationMinutes * 60_000;
    const requested = body['expiresAt'] === undefined ? new Date(ends + 12 * 3600_000) : instant(body, 'expiresAt');
    const expiresAt = new Date(Math.floor(requested.getTime() / 1000) * 1000); // JWT exp has whole seconds
    if (expiresAt.getTime() <= ctx.now() + ctx.config.inviteMinLifetimeSeconds * 1000) throw invalidInput('expiresAt must be in the future');
    if (expiresAt.getTime() > ctx.now() + MAX_LIFETIME_MS) throw invalidInput('expiresAt must be within a year');
    if (!ctx.config.publicUrl) throw new ApiError(501, 'not_configured', 'PUBLIC_URL is not set, so invite links cannot be made');
    await ctx.limits.beforeInvite(user.id);
    const fields = { room, title, startsAt: startsAt.toISOString(), durationMinutes, expiresAt: expiresAt.toISOString() };
    const { id } = ctx.invites.sign(fields);
    const stored: StoredInvite = {
      room, expiresAt: fields.expiresAt, createdBy: user.id, title, startsAt: fields.startsAt, durationMinutes, lang, timeZone,
      ...(guestName ? { guestName } : {}), ...(email ? { email } : {}), ...(waitingRoom ? { waitingRoom } : {}),
    };
    await ctx.inviteStore.record(id, stored);
    ctx.metrics.invite('created');
    ctx.log(`invites: ${user.id} invited ${guestName ? 'a named guest' : 'guests'} to room ${room} (invite ${id})`);
    ctx.roomWatch.changed(room); // the room bar shows the next meeting
    res.status(201).json(describe(id, stored));
  });

  router.get('/rooms/:room/invites', auth, async (req, res) => {
    const room = roomIdParam(req);
    await moderatedRoom(ctx.directory, employeeOf(res), room);
    const open = (await ctx.inviteStore.open(room)).filter((i) => i.title !== undefined && i.startsAt !== undefined && i.durationMinutes !== undefined);
    open.sort((a, b) => a.startsAt!.localeCompare(b.startsAt!));
    const invites: OpenInvite[] = open.map(({ id, ...stored }) => {
      const { invite: _token, ...listed } = describe(id, stored);
      return listed;
    });
    res.json({ invites });
  });

  router.delete('/rooms/:room/invites/:id', auth, async (req, res) => {
    const { room, id, stored } = await moderatedInvite(ctx, req, res);
    const user = employeeOf(res);
    const wasRevoked = stored.revokedAt !== undefined;
    await ctx.inviteStore.revoke(id);
    if (!wasRevoked) ctx.metrics.invite('revoked');
    ctx.log(`invites: ${user.id} revoked invite ${id} of room ${room}`);
    let removed: string[] = [];
    let guestsRemoved = true;
    try {
      removed = await removeGuestsOfInvite(ctx.roomService, room, id);
      // Sent out for good: no page-change grace in the room status.
      for (const identity of removed) ctx.roomWatch.departures.goodbye(room, identity);
      ctx.roomStatus.invalidate(room);
    } catch (err) {
      // The revocation holds regardless; late joiners are removed by the webhook handler.
      guestsRemoved = false;
      ctx.log(`revoked invite ${id} but could not remove its guests: ${(err as Error).message}`);
    }
    ctx.roomWatch.changed(room);
    res.json({ id, revoked: true, removed, guestsRemoved });
  });

  // The guest page: the invite comes in the body.
  router.post('/invites/lookup', async (req, res) => {
    const { claims: invite, stored } = await openInvite(ctx, jsonBody(req)['invite']);
    const info: InviteInfo = {
      room: invite.room, title: invite.title, startsAt: invite.startsAt, durationMinutes: invite.durationMinutes, expiresAt: invite.expiresAt,
      opensAt: opensAt(ctx, invite.startsAt).toISOString(),
      ...(stored.guestName ? { guestName: stored.guestName } : {}),
    };
    res.json(info);
  });

  // The moderator's calendar file, fetched with their own credentials, to attach to their mail.
  router.get('/rooms/:room/invites/:id/calendar.ics', auth, async (req, res) => {
    const { id, stored } = await moderatedInvite(ctx, req, res);
    if (stored.revokedAt) throw new ApiError(410, 'invite_revoked', 'this invite has been revoked');
    if (Date.parse(stored.expiresAt) <= ctx.now()) throw new ApiError(410, 'invite_expired', 'this invite has expired');
    if (!ctx.config.publicUrl) throw new ApiError(501, 'not_configured', 'PUBLIC_URL is not set');
    const described = describe(id, stored);
    res.type('text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="invite.ics"');
    res.send(inviteCalendar({ id, ...wordingOf({ ...stored, title: described.title, startsAt: described.startsAt, durationMinutes: described.durationMinutes }) }, described.url));
  });

  return router;
}
