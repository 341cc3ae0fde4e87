// Who the REST client speaks for: an employee with a portal token, or a guest with the guest
// token from POST /v1/guest/token. The token service tells them apart by the token itself, so one
// client serves both; only where the token comes from differs.

export interface CredentialSource {
  readonly kind: 'employee' | 'guest';
  /** A bearer token; `fresh` asks for a new one (the service said the last one expired). */
  token(fresh?: boolean): Promise<string>;
}

/** An employee's portal token (from configure: a string, the host's function, or the token URL). */
export function portalCredentials(get: (fresh?: boolean) => Promise<string>): CredentialSource {
  return { kind: 'employee', token: get };
}

/**
 * A guest's token. Guests cannot renew it themselves (it lives until the invite expires), so a
 * `fresh` request gives the same token, or asks the host's function again.
 */
export function guestCredentials(token: string | ((fresh?: boolean) => Promise<string>)): CredentialSource {
  return { kind: 'guest', token: typeof token === 'string' ? async () => token : token };
}
