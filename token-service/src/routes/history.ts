// GET /v1/history?limit&before: the signed-in employee's own call history ("Anrufjournal"), newest
// first; the next page with `before` = the `at` of the last entry shown. Guests have none.
import { Router, type Request } from 'express';
import type { HistoryPage } from '#protocol/history.js';
import type { RouteContext } from '../context.js';
import { authenticated, employeeOf } from '../http/access.js';
import { invalidInput } from '../http/errors.js';

const DEFAULT_LIMIT = 50;
/** Most entries one page holds. */
const HISTORY_PAGE_MAX = 200;

/** A query parameter given once, or undefined; anything else is a 400. */
function queryValue(req: Request, name: string): string | undefined {
  const v = (req.query as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalidInput(`${name} must be given once`);
  return v;
}

export function historyRoutes(ctx: RouteContext): Router {
  const router = Router();
  router.get('/history', authenticated(ctx.authenticate), async (req, res) => {
    const user = employeeOf(res, 'guests have no call history');
    const limitText = queryValue(req, 'limit');
    const beforeText = queryValue(req, 'before');
    if (limitText !== undefined && !/^\d{1,4}$/.test(limitText)) throw invalidInput(`limit must be a whole number from 1 to ${HISTORY_PAGE_MAX}`);
    const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
    if (limit < 1 || limit > HISTORY_PAGE_MAX) throw invalidInput(`limit must be a whole number from 1 to ${HISTORY_PAGE_MAX}`);
    // An ISO time, as the entries' `at` (a bare date or a number is refused: a page boundary must be exact).
    const before = beforeText === undefined ? undefined : Date.parse(beforeText);
    if (beforeText !== undefined && (!/^\d{4}-\d\d-\d\dT/.test(beforeText) || !Number.isFinite(before))) throw invalidInput('before must be an ISO time such as an entry\'s "at"');
    res.json((await ctx.history.list(user.id, { limit, ...(before !== undefined ? { before } : {}) })) satisfies HistoryPage);
  });
  return router;
}
