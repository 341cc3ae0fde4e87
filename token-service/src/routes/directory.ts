// GET /v1/directory/users?q=…&limit=…: colleagues found by name or id, with their presence, for
// "Kollegen hinzurufen" (employees only; never the asker). A directory without searchUsers (a
// host's that has none) answers 501 not_configured: the SDK says the search is not available.
import { Router } from 'express';
import type { RouteContext } from '../context.js';
import { authenticated, employeeOf } from '../http/access.js';
import { ApiError, invalidInput } from '../http/errors.js';
import type { ColleagueSearchAnswer } from '#protocol/rest.js';

export const SEARCH_MAX_LENGTH = 64;
export const SEARCH_LIMIT_MAX = 25;
const SEARCH_LIMIT_DEFAULT = 10;
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;

export function directoryRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.get('/directory/users', authenticated(ctx.authenticate), async (req, res) => {
    const user = employeeOf(res, 'guests cannot search the directory');
    const q = req.query['q'];
    if (typeof q !== 'string') throw invalidInput('q must be given once, as text');
    const query = q.normalize('NFC').trim();
    if (query.length === 0 || [...query].length > SEARCH_MAX_LENGTH) throw invalidInput(`q must be 1-${SEARCH_MAX_LENGTH} characters`);
    if (UNPRINTABLE.test(query)) throw invalidInput('q must not contain control or invisible formatting characters');
    const rawLimit = req.query['limit'];
    let limit = SEARCH_LIMIT_DEFAULT;
    if (rawLimit !== undefined) {
      limit = typeof rawLimit === 'string' && /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
      if (!(limit >= 1 && limit <= SEARCH_LIMIT_MAX)) throw invalidInput(`limit must be a whole number from 1 to ${SEARCH_LIMIT_MAX}`);
    }
    const search = ctx.directory.searchUsers;
    if (!search) throw new ApiError(501, 'not_configured', 'this directory cannot be searched (its Directory has no searchUsers)');
    // One more than asked: the asker may be among them and is left out.
    const found = (await search.call(ctx.directory, query, limit + 1)).filter((u) => u.id !== user.id).slice(0, limit);
    const statuses = new Map((await ctx.presence(found.map((u) => u.id))).map((s) => [s.id, s.status]));
    const answer: ColleagueSearchAnswer = { users: found.map((u) => ({ id: u.id, name: u.name, status: statuses.get(u.id) ?? 'offline' })) };
    res.json(answer);
  });
  return router;
}
