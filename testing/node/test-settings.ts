// Token-service settings every suite that starts the real service shares. The suites call and
// ring the same people over and over, so the per-user limits are off; they have their own tests
// (token-service/test/limits/user-limits.test.ts). A room still cannot be rung while its ring runs.
export const NO_USER_LIMITS = {
  ROOM_RING_INTERVAL_SECONDS: '0',
  CALL_RETRY_AFTER_DECLINE_SECONDS: '0',
  CALLS_PER_HOUR: '1000000',
  INVITES_PER_HOUR: '1000000',
} as const satisfies Record<string, string>;

// Guests straight in at any time (no opening time, no waiting room), for suites about other things;
// the opening time and the waiting room have their own tests (token-service/test/guests.test.ts,
// guests-media.test.ts), which set the defaults back.
export const GUESTS_ALWAYS_IN = {
  GUEST_JOIN_OPENS_MINUTES: '10080',
  GUEST_WAITING_ROOM: 'off',
} as const satisfies Record<string, string>;

// Invites that may expire a few seconds after they are made (the service's minimum is a minute),
// for suites that show an expired link's page; the minimum has its own test (token-service/test/invites.test.ts).
export const SHORT_INVITES = {
  INVITE_MIN_LIFETIME_SECONDS: '3',
} as const satisfies Record<string, string>;
