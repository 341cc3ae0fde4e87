// A room's invites as the invite dialog uses them (docs/contracts.md "Guest links"): create one
// guest link, list the open ones, withdraw one, fetch the calendar file with this person's own
// credentials. The service checks that the caller moderates the room.
import type { CreatedInvite, OpenInvite } from '#protocol/rest.js';

export interface InviteRequest {
  title: string;
  startsAt: string;
  durationMinutes: number;
  guestName: string;
  email?: string;
  /** This guest waits until a moderator lets them in, even while one is in the meeting. */
  waitingRoom?: boolean;
  lang: 'de' | 'en';
  timeZone: string;
}

export interface InviteApi {
  create(request: InviteRequest): Promise<CreatedInvite>;
  open(): Promise<OpenInvite[]>;
  revoke(id: string): Promise<void>;
  /** The .ics text of an invite. */
  calendar(id: string): Promise<string>;
}

/** What the invite API needs from the REST client (TokenServiceClient has both). */
export interface InviteRestPort {
  request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  text(path: string): Promise<string>;
}

export function inviteApi(rest: InviteRestPort, room: string): InviteApi {
  const base = `/v1/rooms/${encodeURIComponent(room)}/invites`;
  return {
    create: (request) => rest.request<CreatedInvite>('POST', base, request),
    open: async () => (await rest.request<{ invites: OpenInvite[] }>('GET', base)).invites,
    revoke: async (id) => void (await rest.request('DELETE', `${base}/${encodeURIComponent(id)}`)),
    calendar: (id) => rest.text(`${base}/${encodeURIComponent(id)}/calendar.ics`),
  };
}
