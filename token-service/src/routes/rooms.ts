// A room's conference: who is in it, raised hands, ending it for everyone.
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import type { Principal } from '../auth/principal.js';
import { attendedRoom, authenticated, employeeOf, moderatedRoom, principalOf } from '../http/access.js';
import { ApiError } from '../http/errors.js';
import { bool, jsonBody, optionalIdentity, roomIdParam } from '../http/validation.js';
import { isModerator } from '../directory/directory.js';
import { ATTR_HAND, ATTR_MODERATOR } from '#protocol/attributes.js';
import { participantStatus } from '../rooms/room-watch.js';
import { admittedGuest } from '../guests/guest-access.js';
import type { RoomStatusAnswer } from '#protocol/rest.js';

export function roomRoutes(ctx: RouteContext): Router {
  const router = Router();
  const auth = authenticated(ctx.authenticate);

  router.get('/rooms/:room', auth, async (req, res) => {
    const room = roomIdParam(req);
    // Members, and colleagues rung into the meeting.
    const { room: found } = await attendedRoom(ctx.places, ctx.colleagueRings, employeeOf(res), room);
    const participants = await ctx.roomStatus.participants(room);
    const answer: RoomStatusAnswer = {
      room: { id: found.id, name: found.name },
      // A call turned meeting: no chat room behind it, so the view offers no guest invites.
      ...(found.kind === 'meeting' ? { kind: 'meeting' as const } : {}),
      running: participants.length > 0,
      // Ended by a moderator and nobody joined since: a page that held the meeting shows it ended
      // instead of starting a new one (a resume racing the end).
      ended: participants.length === 0 && ctx.roomWatch.departures.wasEnded(room),
      participants: participants.map((p) => ({
        ...participantStatus(p),
        ...(p.joinedAt ? { joinedAt: p.joinedAt } : {}),
      })),
    };
    res.json(answer);
  });

  // The hand is a participant attribute set here, not by the client: it is server-stamped and
  // late joiners see it with the participant.
  router.post('/rooms/:room/hand', auth, async (req, res) => {
    const room = roomIdParam(req);
    const body = jsonBody(req);
    const raised = bool(body, 'raised');
    const principal = principalOf(res);
    const target = optionalIdentity(body, 'identity') ?? principal.id;
    await checkHandAccess(ctx, principal, room, target, raised);
    const raisedAt = raised ? new Date().toISOString() : '';
    const present = await ctx.roomService.setAttributes(room, target, { [ATTR_HAND]: raisedAt });
    if (!present) throw new ApiError(404, 'not_found', 'that participant is not in the conference');
    ctx.roomWatch.changed(room);
    res.json({ room, identity: target, raised, ...(raised ? { raisedAt } : {}) });
  });

  // "Ich bin Moderator" confirmed inside a running meeting (someone who joined straight, e.g. from
  // a room ring): the LiveKit token they joined with carries no moderator mark, and a token asked
  // for now would never reach their connection, so the mark is set on their participant here.
  // Guests waiting for a moderator are then let in, and links without a waiting room let guests in at once.
  router.post('/rooms/:room/moderator', auth, async (req, res) => {
    const room = roomIdParam(req);
    jsonBody(req);
    const user = employeeOf(res);
    await moderatedRoom(ctx.places, user, room);
    const present = await ctx.roomService.setAttributes(room, user.id, { [ATTR_MODERATOR]: '1' });
    if (!present) throw new ApiError(404, 'not_found', 'you are not in the conference; join it first');
    ctx.log(`moderation: ${user.id} confirmed moderating room ${room} in the meeting`);
    ctx.roomWatch.changed(room);
    res.json({ room, identity: user.id, moderator: true });
  });

  // The goodbye of someone who leaves the meeting for good ("Konferenz verlassen"): the room
  // status drops them at once instead of after the grace a page change gets (rooms/departures.ts).
  router.post('/rooms/:room/leave', auth, async (req, res) => {
    const room = roomIdParam(req);
    jsonBody(req);
    const principal = principalOf(res);
    if (principal.kind === 'guest') {
      await admittedGuest(ctx.waitingRoom, principal, room);
      // Leaving is final for a guest: coming back takes the invite link again.
      await ctx.waitingRoom.gone(principal.id);
    } else {
      await attendedRoom(ctx.places, ctx.colleagueRings, principal, room);
    }
    ctx.roomWatch.departures.goodbye(room, principal.id);
    res.json({ room, identity: principal.id });
  });

  router.post('/rooms/:room/end', auth, async (req, res) => {
    const room = roomIdParam(req);
    await moderatedRoom(ctx.places, employeeOf(res), room);
    const user = employeeOf(res);
    const wasRunning = await ctx.roomService.endRoom(room);
    ctx.log(`moderation: ${user.id} ended the conference of room ${room}`);
    // A call turned meeting is over for good now, not only when LiveKit's room_finished arrives.
    await ctx.meetingEnded(room);
    // The guests' admissions end with it: a new meeting in the room lets nobody in on an old one.
    await ctx.waitingRoom.meetingEnded(room);
    // Everyone left for good: nobody counts on as if changing pages.
    ctx.roomWatch.departures.finished(room);
    ctx.roomWatch.changed(room);
    res.json({ room, ended: true, wasRunning });
  });

  return router;
}

/** A participant raises or lowers only their own hand; a moderator may lower anyone's. */
async function checkHandAccess(ctx: RouteContext, principal: Principal, room: string, target: string, raised: boolean): Promise<void> {
  if (principal.kind === 'guest') {
    await admittedGuest(ctx.waitingRoom, principal, room);
    if (target !== principal.id) throw new ApiError(403, 'not_a_moderator', 'guests can only change their own hand');
    return;
  }
  const { room: found } = await attendedRoom(ctx.places, ctx.colleagueRings, principal, room);
  if (target === principal.id) return;
  if (!isModerator(found, principal.id)) throw new ApiError(403, 'not_a_moderator', "only moderators may change another participant's hand");
  if (raised) throw new ApiError(403, 'not_a_moderator', "a moderator may lower another participant's hand, not raise it");
}
