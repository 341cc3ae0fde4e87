// The conference's entry in the on-demand chunk: openConference() is what the page wiring calls
// (through import()) when "Teilnehmen" is pressed in the room bar or the invitation popup. It
// finds the page's <timio-conference> for the room or adds a full-window one, wires it to the
// token service and a RoomSession, and joins.
import { RoomSession } from '../../session/room-session.js';
import { conferenceApi, type RestPort } from './room-api.js';
import type { SessionFactory } from './conference-join.js';
import { TimioConference, defineTimioConference } from './timio-conference.js';
import type { GuestNoticeSource } from './waiting/waiting-guests.js';
import type { ConferenceResumeStore, ResumableConference } from '../../resume/conference-resume.js';
import { browserConferenceResumeStore } from '../../resume/browser-conference-resume-store.js';
import type { RoomTokenGrant } from '#protocol/rest.js';

export interface OpenConferenceOptions {
  room: string;
  /** Show the pre-join (room bar); false joins at once with the last choices (invitation popup). */
  prejoin: boolean;
  /** The page's token service client (TokenServiceClient). */
  rest: RestPort;
  roomName?: string;
  /** The page's realtime guest frames, for moderators' "… möchte teilnehmen" notices. */
  guestNotices?: GuestNoticeSource;
  /** Where a full-window conference goes when the page has none for the room; default document.body. */
  container?: HTMLElement;
  /** Where the page remembers the conference this tab holds; default the tab's marker and lock (browser-conference-resume-store.ts). */
  resumeStore?: ConferenceResumeStore;
  /** The conference the tab held on its previous page: taken over at once (no pre-join). */
  resume?: ResumableConference;
  /** The token for `resume`, asked for while the chunk loaded. */
  grant?: Promise<RoomTokenGrant>;
  /**
   * A 1:1 call became this meeting (issue 27): the conference takes over the call window's live
   * session (no token, no reconnect); `moderator` when this person placed the call.
   */
  adopt?: { session: RoomSession; moderator: boolean };
}

/**
 * How long someone who went without a goodbye (a page change in the portal) is shown as
 * reconnecting before the others see them as gone.
 */
export const CONFERENCE_REJOIN_GRACE_MS = 15_000;

/** A RoomSession whose hand and chat go through the token service. */
export const roomSessionFactory: SessionFactory = (grant, api) =>
  new RoomSession({ url: grant.url, token: grant.token, setHand: (raised) => api.setHand(raised), chat: api.chat, rejoinGraceMs: CONFERENCE_REJOIN_GRACE_MS,
    // The first page of tiles (3×3 with the own one) is asked for before the view has drawn it.
    earlyVideos: 8 });

/**
 * Opens (and joins) the conference of `room`; returns its element. The page's own element for the
 * room if it has one (also when the tab's conference comes back after a page change); otherwise a
 * full-window one, which goes away when the person closes its ended view.
 */
export function openConference(options: OpenConferenceOptions): TimioConference {
  defineTimioConference();
  let element = [...document.querySelectorAll('timio-conference')].find((el) => el.room === options.room);
  if (!element) {
    element = document.createElement('timio-conference');
    element.room = options.room;
    element.fullWindow = true;
    // A full-window conference goes away when the person closes its ended view: back to the page.
    element.addEventListener('timio-conference-close', () => element!.remove(), { once: true });
    (options.container ?? document.body).append(element);
  }
  // "Zur Besprechung" in the room bar while the person is in it: the page's conference comes into
  // view (its join does nothing while it is open).
  element.scrollIntoView({ block: 'nearest' });
  if (options.roomName && !element.roomName) element.roomName = options.roomName;
  element.api ??= conferenceApi(options.rest, options.room);
  element.createSession ??= roomSessionFactory;
  if (options.guestNotices) element.guestNotices ??= options.guestNotices;
  element.resumeStore ??= options.resumeStore ?? browserConferenceResumeStore;
  const adopt = options.adopt;
  if (adopt) {
    const api = element.api;
    adopt.session.becomeMeeting({ setHand: (raised) => api.setHand(raised), chat: api.chat, rejoinGraceMs: CONFERENCE_REJOIN_GRACE_MS });
    element.adopt(adopt.session, adopt.moderator);
    return element;
  }
  void element.join({ prejoin: options.prejoin, ...(options.resume ? { resume: options.resume } : {}), ...(options.grant ? { grant: options.grant } : {}) });
  return element;
}

export { TimioConference, defineTimioConference, conferenceApi };
export type { ConferenceApi, RestPort } from './room-api.js';
export type { SessionFactory, ConferenceSession } from './conference-join.js';
export {
  TimioConferenceJoinedEvent, TimioConferenceResumedEvent, TimioConferenceLeftEvent, TimioConferenceEndedEvent, TimioConferenceHandRaisedEvent,
  TimioConferenceChatMessageEvent, TimioConferenceCloseEvent,
} from './events.js';
