// The invite as an iCalendar event (RFC 5545) and as a mailto link, so a moderator can put the
// meeting into guests' calendars or mail it from their own client. Both speak the inviter's
// language; the event's start is an instant (UTC), so each calendar shows it in its own zone.
import { createEvent } from 'ics';
import { inviteBody, inviteSubject, type InviteWording } from './invite-text.js';

export function inviteCalendar(invite: InviteWording & { id: string }, url: string, organizer?: string): string {
  const { error, value } = createEvent({
    uid: `${invite.id}@timio`,
    title: invite.title,
    description: inviteBody(invite, url),
    url,
    location: url,
    start: Date.parse(invite.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: invite.durationMinutes },
    productId: 'timio-calls/token-service',
    ...(organizer ? { organizer: { name: organizer } } : {}),
  });
  if (error || !value) throw error ?? new Error('ics produced no calendar');
  return value;
}

/**
 * mailto: with subject and body (mailto cannot attach the .ics), to `to` when the inviter gave an
 * address. Every part is percent-encoded (RFC 6068), the address too, whatever a store holds: a
 * "%0D%0A" or "?" in it stays text and can add no header (Bcc:, …) to the moderator's mail.
 */
export function inviteMailto(invite: InviteWording, url: string, to?: string): string {
  const subject = encodeURIComponent(inviteSubject(invite));
  const body = encodeURIComponent(inviteBody(invite, url));
  return `mailto:${to ? encodeURIComponent(to).replace(/%40/g, '@') : ''}?subject=${subject}&body=${body}`;
}
