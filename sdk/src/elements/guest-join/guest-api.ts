// The guest page's three requests to the token service (docs/contracts.md "Guest links"): what the
// invite is for, a guest token (or a place in the waiting room), and the waiting room's answer.
// No portal session: the invite travels in the body, the guest token as bearer.
import type { GuestAdmission, GuestGrant, GuestWaiting, InviteInfo } from '#protocol/rest.js';
import { serviceJson, serviceRequest } from '../../api/request.js';

/** A POST of the guest page; errors (with `opensAt` for `not_open_yet`) as TimioApiError. */
async function post<T>(base: string, path: string, body: unknown, bearer?: string, signal?: AbortSignal): Promise<T> {
  return serviceJson<T>(await serviceRequest(base, 'POST', path, { body, bearer, signal }), path);
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
