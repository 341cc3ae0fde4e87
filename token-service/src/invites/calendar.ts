// The invite as an iCalendar event (RFC 5545) and as a mailto link, so a moderator can put the
// meeting into guests' calendars or mail it from their own client.
import { createEvent } from 'ics';
import type { InviteClaims } from './invite-token.js';

export function inviteCalendar(invite: InviteClaims, url: string, organizer?: string): string {
  const { error, value } = createEvent({
    uid: `${invite.id}@timio`,
    title: invite.title,
    description: `Join the video conference: ${url}`,
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

export function inviteMailto(invite: InviteClaims, url: string): string {
  const start = new Date(invite.startsAt);
  const when = `${start.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const body = [
    `You are invited to the video conference "${invite.title}".`,
    '',
    `When: ${when} (${invite.durationMinutes} minutes)`,
    `Join: ${url}`,
    '',
    'Open the link in a current browser; no installation is needed.',
  ].join('\r\n');
  return `mailto:?subject=${encodeURIComponent(`Invitation: ${invite.title}`)}&body=${encodeURIComponent(body)}`;
}
