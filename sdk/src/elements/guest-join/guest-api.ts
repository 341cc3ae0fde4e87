// The guest page's three requests to the token service (docs/contracts.md "Guest links"): what the
// invite is for, a guest token (or a place in the waiting room), and the waiting room's answer.
// No portal session: the invite travels in the body, the guest token as bearer.
import type { GuestAdmission, GuestGrant, GuestWaiting, InviteInfo } from '#protocol/rest.js';
import { TimioApiError } from '../../api/api-error.js';

export interface GuestApiError { status: number; code: string; opensAt?: string }

async function post<T>(base: string, path: string, body: unknown, bearer?: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new TimioApiError(0, 'network_error', `the token service cannot be reached (${base})`);
  }
  const parsed = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; opensAt?: string } } | undefined;
  if (!response.ok) {
    const error = new TimioApiError(response.status, parsed?.error?.code ?? `http_${response.status}`, parsed?.error?.message ?? `answered ${response.status}`);
    if (parsed?.error?.opensAt) Object.assign(error, { opensAt: parsed.error.opensAt });
    throw error;
  }
  return parsed as T;
}

export const guestApi = {
  lookup: (base: string, invite: string) => post<InviteInfo>(base, '/v1/invites/lookup', { invite }),
  token: (base: string, invite: string, name: string) => post<GuestGrant | GuestWaiting>(base, '/v1/guest/token', { invite, name }),
  admission: (base: string, guestToken: string, signal?: AbortSignal) => post<GuestAdmission>(base, '/v1/guest/admission', {}, guestToken, signal),
  leave: (base: string, guestToken: string) => post<{ identity: string; left: boolean }>(base, '/v1/guest/leave', {}, guestToken),
};

/** The invite token of a `#invite=…` fragment, or undefined when there is none or it cannot be one. */
export function inviteFromHash(hash: string): string | undefined {
  return validInvite(new URLSearchParams(hash.replace(/^#/, '')).get('invite') ?? '');
}

/** The invite when it has an invite token's shape (three base64url parts), else undefined. */
export function validInvite(value: string): string | undefined {
  return value.length <= 4096 && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value) ? value : undefined;
}
