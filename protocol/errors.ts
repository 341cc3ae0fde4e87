// The error codes of the token service (docs/contracts.md "Errors"): every HTTP error answers
// `{error:{code,message}}` with one of these, and the realtime `error` frame uses the same codes.
// Part of the wire protocol module (protocol/, imported as `#protocol/…`): no DOM, no imports from outside this folder.

export type ErrorCode =
  | 'invalid_input' // 400
  | 'unauthorized' // 401
  | 'token_expired' // 401: fetch a fresh portal token and retry once
  | 'forbidden' // 403 from a host's authenticate hook
  | 'not_a_member' // 403
  | 'not_a_moderator' // 403
  | 'not_in_meeting' // 403: only someone in the meeting now may ring a colleague into it
  | 'not_in_call' // 403: only a party of the call may add people to it
  | 'not_open_yet' // 403: a guest came before the invite opens (error.opensAt says when)
  | 'not_admitted' // 403: a guest credential before admission (only its admission poll and leave)
  | 'not_found' // 404
  | 'busy' // 409: the callee is in another call or in a room's conference
  | 'already_in_call' // 409: the caller is in a call already (the answer carries it)
  | 'name_taken' // 409: a guest's name claims a role ("Moderator", "Admin", …)
  | 'guest_left' // 409: a moderator admitted or turned away a guest who had left the waiting room
  | 'call_not_ringing' // 409: the call was answered or ended meanwhile
  | 'call_ended' // 409: the call is over (the answer carries it)
  | 'call_not_active' // 409: people are added to an active call only (ringing, ended or already a meeting; the answer carries it)
  | 'conflict' // 409: the call changed too often; retry
  | 'invite_revoked' // 410
  | 'invite_expired' // 410
  | 'guest_denied' // 410: a moderator turned this guest away; the credential is over
  | 'guest_removed' // 410: a moderator removed this guest; the credential is over
  | 'guest_left_meeting' // 410: the guest left the meeting; the invite link gives a new credential
  | 'meeting_ended' // 410: the meeting the guest was admitted to has ended
  | 'payload_too_large' // 413
  | 'unsupported_media_type' // 415
  | 'rate_limited' // 429 (per-user limits add error.retryAfterSeconds)
  | 'internal' // 500
  | 'not_configured' // 501
  | 'livekit_unavailable' // 502
  | 'storage_unavailable'; // 503: an invite or revocation could not be saved; nothing is reported done
