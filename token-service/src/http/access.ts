// Room access rules shared by the routes: who may see, join and moderate a room.
import type { Request, RequestHandler, Response } from 'express';
import type { UserRef } from '#protocol/realtime.js';
import type { EmployeePrincipal, Principal } from '../auth/principal.js';
import { isMember, isModerator, type Directory } from '../directory/directory.js';
import type { Place } from '../calls/call-meetings.js';
import { ApiError, notFound } from './errors.js';

export function principalOf(res: Response): Principal {
  const p = res.locals['principal'] as Principal | undefined;
  if (!p) throw new ApiError(401, 'unauthorized', 'not signed in');
  return p;
}

export function employeeOf(res: Response, guestMessage = 'guests cannot use this endpoint'): EmployeePrincipal {
  return asEmployee(principalOf(res), guestMessage);
}

/** The principal if it is an employee; guests get 403 not_a_member. */
export function asEmployee(p: Principal, guestMessage = 'guests cannot use this endpoint'): EmployeePrincipal {
  if (p.kind !== 'employee') throw new ApiError(403, 'not_a_member', guestMessage);
  return p;
}

/** An employee taking part in calls and room rings, as the protocol names users. */
export function callerOf(res: Response): UserRef {
  const { id, name } = employeeOf(res, 'guests cannot place or answer calls');
  return { id, name };
}

/**
 * Where a room's id is looked up: the service's places (calls/calling.ts `places`: the directory's
 * rooms and the calls turned meetings). Every rule below holds for both: members, moderators, and
 * colleagues rung in by a grant.
 */
export type Places = { getRoom(id: string): Promise<Place | undefined> };

export async function roomFor(directory: Places, room: string): Promise<Place> {
  const found = await directory.getRoom(room);
  if (!found) throw notFound('room');
  return found;
}

export async function memberRoom(directory: Places, user: EmployeePrincipal, room: string): Promise<Place> {
  const found = await roomFor(directory, room);
  if (!isMember(found, user.id)) throw new ApiError(403, 'not_a_member', 'you are not a member of this room');
  return found;
}

/**
 * The room, when the employee is a member or was rung into its meeting by a colleague
 * (calls/colleague-ring.ts): `since` then says from when they read its chat, like a guest.
 */
export async function attendedRoom(directory: Places, grants: { admitted(userId: string, room: string): Promise<{ since: number } | undefined> }, user: EmployeePrincipal, room: string): Promise<{ room: Place; since?: number }> {
  const found = await roomFor(directory, room);
  if (isMember(found, user.id)) {
    // A colleague rung into a call turned meeting is a member since accepting; the chat still starts there.
    const rungIn = found.kind === 'meeting' && !isModerator(found, user.id) ? await grants.admitted(user.id, room) : undefined;
    return rungIn ? { room: found, since: rungIn.since } : { room: found };
  }
  const grant = await grants.admitted(user.id, room);
  if (!grant) throw new ApiError(403, 'not_a_member', 'you are not a member of this room');
  return { room: found, since: grant.since };
}

export async function moderatedRoom(directory: Places, user: EmployeePrincipal, room: string): Promise<Place> {
  const found = await memberRoom(directory, user, room);
  if (!isModerator(found, user.id)) throw new ApiError(403, 'not_a_moderator', 'only moderators of this room may do this');
  return found;
}

/**
 * The display name the directory knows, else the id: never the portal token's `name` claim, which
 * nothing checks (a host's backend may copy anything into it).
 */
export async function displayNameOf(directory: Directory, user: EmployeePrincipal): Promise<string> {
  return (await directory.getUser(user.id))?.name ?? user.id;
}

/** Runs the service's authentication and keeps the principal for the route. */
export function authenticated(authenticate: (req: Request) => Promise<Principal>): RequestHandler {
  return (req, res, next) => {
    authenticate(req).then((principal) => {
      res.locals['principal'] = principal;
      next();
    }, next);
  };
}
