// The demo portal over plain HTTP, as a browser would use it without running the page: pages and
// APIs with the session cookie, and the sign-in form.

/** GET `path` with `cookie`; redirects are returned, not followed (tests look at them). */
export function portalGet(portalUrl: string, path: string, cookie = ''): Promise<Response> {
  return fetch(`${portalUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
}

/** Signs in as `user` with the login form; `cookie` is the session cookie to send on. */
export async function portalSignIn(portalUrl: string, user: string): Promise<{ res: Response; cookie: string }> {
  const res = await fetch(`${portalUrl}/login`, {
    method: 'POST', body: new URLSearchParams({ user }), redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { res, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}
