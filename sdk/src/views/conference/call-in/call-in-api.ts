// What "Kollegen hinzurufen" needs from the conference (`CallInPort`, handed down through the
// participants panel) or "Person hinzufügen" from the 1:1 call window (issue 27), and the
// token-service routes it uses, built here in the dialog's chunk: GET /v1/directory/users (the
// search, with presence) and POST /v1/rooms/:room/ring-colleagues, or in a call
// POST /v1/calls/:id/add-people (the call becomes a meeting).
// Also the notices of the rung colleagues' answers (realtime `colleague-ring-answer`), followed from
// the first opening of the dialog on: nobody is rung before it was opened.
import type { CallConvertAnswer, ColleagueRingAnswer, ColleagueSearchAnswer } from '#protocol/rest.js';
import type { RestPort } from '../room-api.js';
import type { GuestNoticeSource } from '../waiting/waiting-guests.js';
import { localeOf } from '../../../i18n/localize.js';
import { callInStrings } from './i18n.js';

export interface CallInPort {
  request: RestPort['request'];
  room: string;
  /** In a 1:1 call: its id. The picked colleagues are added to the call, which becomes a meeting. */
  call?: string;
  /** Called when the dialog opens (the call window fetches the conference's chunk meanwhile). */
  prepare?(): void;
  /** The call became a meeting (the add-people answer). */
  converted?(answer: CallConvertAnswer): void;
  /** The conference: its language is the notices' language. */
  host: HTMLElement;
  /** The page's realtime frames that concern people coming in (the answers among them). */
  answers?: GuestNoticeSource | undefined;
  /** Shows a notice in the conference. */
  notify(text: string): void;
  /** Set by the chunk once it follows the answers: the conference calls it when it goes. */
  stop?: () => void;
}

/** How many colleagues one search shows. */
export const SEARCH_LIMIT = 8;

export function colleagueSearch(port: CallInPort, query: string): Promise<ColleagueSearchAnswer['users']> {
  return port.request<ColleagueSearchAnswer>('GET', `/v1/directory/users?q=${encodeURIComponent(query)}&limit=${SEARCH_LIMIT}`).then((a) => a.users);
}

export async function ringColleagues(port: CallInPort, userIds: string[]): Promise<ColleagueRingAnswer> {
  if (!port.call) return port.request<ColleagueRingAnswer>('POST', `/v1/rooms/${encodeURIComponent(port.room)}/ring-colleagues`, { userIds });
  const answer = await port.request<CallConvertAnswer>('POST', `/v1/calls/${encodeURIComponent(port.call)}/add-people`, { userIds });
  // From now on the answers of the rung colleagues concern the meeting's room.
  port.room = answer.meeting.room;
  port.converted?.(answer);
  return answer;
}

/** From now on, a colleague's decline, no answer, busy or offline for this room becomes a notice (once per port). */
export function followAnswers(port: CallInPort): void {
  if (port.stop || !port.answers) return;
  port.stop = port.answers((n) => {
    if (n.type === 'colleague-ring-answer' && n.room === port.room) port.notify(callInStrings(localeOf(port.host)).said[n.outcome](n.user.name));
  });
}
