// The participant attributes the token service stamps into LiveKit tokens or sets on a participant
// (docs/contracts.md): server-stamped, clients read them and cannot change them. Part of the wire
// protocol module (protocol/, imported as `#protocol/…`): no DOM, no imports from outside this folder.

/** "1" for a guest who came in by an invite link. */
export const ATTR_GUEST = 'timio.guest';
/** The invite a guest came in with. */
export const ATTR_INVITE = 'timio.invite';
/** ISO time the participant raised their hand, while it is raised (POST /v1/rooms/:room/hand). */
export const ATTR_HAND = 'timio.hand';
/** "1" for a member who confirmed being the room's moderator (and the directory agrees). */
export const ATTR_MODERATOR = 'timio.moderator';
