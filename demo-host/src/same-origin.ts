// The portal's POSTs (sign-in, sign-out, a new room, a portal token) must come from its own pages.
// A page on another site could otherwise sign a visitor in as someone else (login CSRF) or act in
// their name. Browsers say where a request comes from (Origin, Sec-Fetch-Site); a client that
// sends neither is not a browser another site can steer.
import type { RequestHandler } from 'express';

export function sameOriginPosts(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const own = `${req.protocol}://${req.get('host')}`;
    const foreign = (origin !== undefined && origin !== own) || (site !== undefined && site !== 'same-origin' && site !== 'none');
    if (!foreign) return next();
    res.status(403).set('Cache-Control', 'no-store').json({ error: { code: 'forbidden', message: 'requests from other sites are refused' } });
  };
}
