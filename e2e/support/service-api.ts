// A portal user talking to the token service directly (JSON in and out), for e2e steps that set up
// or check what the page under test cannot show (invites, the waiting list, the call history).
import jwt from 'jsonwebtoken';
import type { Page } from 'playwright-core';
import type { HistoryEntry, HistoryPage } from '#protocol/history.js';
import { PORTAL_SECRET } from '../../testing/cross-process/stack.js';
import { DEMO_PORTAL_AUDIENCE, DEMO_PORTAL_ISSUER } from '../../testing/node/demo-fixtures.js';

/** The demo portal's session token for `user`, as the portal signs it. */
export function portalTokenFor(user: string, name: string): string {
  return jwt.sign({ name }, PORTAL_SECRET, { algorithm: 'HS256', subject: user, issuer: DEMO_PORTAL_ISSUER, audience: DEMO_PORTAL_AUDIENCE, expiresIn: 300 });
}

export interface ServiceAnswer { status: number; body: any }

/** Calls the token service at `baseUrl` as the user whose portal token `token()` gives. */
export function serviceApi(baseUrl: () => string, token: () => string) {
  return async (method: string, path: string, body?: unknown): Promise<ServiceAnswer> => {
    const res = await fetch(baseUrl() + path, {
      method, headers: { authorization: `Bearer ${token()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

/** `user`'s call history as the token service keeps it (GET /v1/history), newest first. */
export async function historyOf(tokenServiceUrl: string, user: string): Promise<HistoryEntry[]> {
  const answer = await serviceApi(() => tokenServiceUrl, () => portalTokenFor(user, user))('GET', '/v1/history?limit=200');
  if (answer.status !== 200) throw new Error(`GET /v1/history as ${user}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body as HistoryPage).entries;
}

/** The token service's URL as a demo page configures it (its <timio-config>). */
export async function serviceUrlOf(page: Page): Promise<string> {
  const url = await page.locator('timio-config').getAttribute('token-service-url');
  if (!url) throw new Error('the page has no <timio-config token-service-url>');
  return url;
}

/** The id of the call that rings or runs for `user`, as the token service knows it (GET /v1/calls/current). */
export async function currentCallId(tokenServiceUrl: string, user: string): Promise<string> {
  const answer = await serviceApi(() => tokenServiceUrl, () => portalTokenFor(user, user))('GET', '/v1/calls/current');
  const id = answer.body?.call?.id as string | undefined;
  if (!id) throw new Error(`the service knows no call of ${user}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return id;
}

/** `user`'s calls in their journal (the service's history, what the demo's journal page lists), newest first; `id` the call's. */
export async function callJournalOf(tokenServiceUrl: string, user: string): Promise<Array<HistoryEntry & { id: string }>> {
  return (await historyOf(tokenServiceUrl, user)).filter((e) => e.kind === 'call').map((e) => ({ ...e, id: e.id.replace(/^call-/, '') }));
}
