// What "Kollegen hinzurufen" needs from the conference (`CallInPort`, handed down through the
// participants panel) or "Person hinzufügen" from the 1:1 call window (issue 27), and the
// token-service routes it uses, built here in the dialog's chunk: GET /v1/directory/users (the
// search, with presence) and POST /v1/rooms/:room/ring-colleagues, or in a call
// POST /v1/calls/:id/add-people (the call becomes a meeting). The rung colleagues' later answers
// (realtime `colleague-ring-answer`) are the conference's notices, followed from its join on.
import type { CallConvertAnswer, ColleagueRingAnswer, ColleagueSearchAnswer } from '#protocol/rest.js';
import type { RestPort } from '../room-api.js';

export interface CallInPort {
  request: RestPort['request'];
  room: string;
  /** In a 1:1 call: its id. The picked colleagues are added to the call, which becomes a meeting. */
  call?: string;
  /** Called when the dialog opens (the call window fetches the conference's chunk meanwhile). */
  prepare?(): void;
  /** The call became a meeting (the add-people answer). */
  converted?(answer: CallConvertAnswer): void;
  /** The conference or the call window. */
  host: HTMLElement;
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
