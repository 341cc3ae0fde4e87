// Opens the conference for a guest: loads the session + views chunk through the page's one loader
// (the light part never imports livekit-client), and puts a <timio-conference> into the guest page,
// with the conference's own camera and microphone check before joining. Its token is the grant the
// guest is given, which for a waiting guest comes only once a moderator lets them in: the check
// opens at once, and its "Teilnehmen" joins when the grant is there (the guest page shows the
// waiting room meanwhile). Hand and chat go with the guest token.
import type { GuestGrant } from '#protocol/rest.js';
import { TokenServiceClient } from '../../api/token-service-client.js';
import { guestCredentials } from '../../api/credentials.js';
import { loadConferenceViews } from '../../page/views-loader.js';

export interface GuestConferenceRequest {
  room: string;
  /** The guest token the page holds now (the waiting room's, or the grant's). */
  guestToken: string;
  /** The grant: at once for an admitted guest, when a moderator lets them in for a waiting one. */
  grant: Promise<GuestGrant>;
  title: string;
  container: HTMLElement;
  serviceUrl: string;
}
export type GuestConferenceOpener = (request: GuestConferenceRequest) => Promise<HTMLElement>;

export const openGuestConference: GuestConferenceOpener = async ({ room, guestToken, grant, title, container, serviceUrl }) => {
  const views = await loadConferenceViews();
  views.defineTimioConference();
  let bearer = guestToken;
  const rest = new TokenServiceClient({ baseUrl: serviceUrl, credentials: guestCredentials(async () => bearer) });
  const conference = document.createElement('timio-conference');
  conference.room = room;
  conference.roomName = title;
  // The whole window: the guest page has nothing else to show, and the camera check and the tiles
  // need the height (in a box below the host's header, 720 px windows cut the check off).
  conference.fullWindow = true;
  const api = views.conferenceApi(rest, room);
  // The grant is good for one join. The conference asks for it when the check opens and again on
  // "Teilnehmen" while it has none yet: both wait for the same grant. A rejoin from the ended view
  // needs the invite link again.
  let pending: Promise<GuestGrant> | undefined;
  let used = false;
  conference.api = {
    ...api,
    token: async () => {
      if (used) throw Object.assign(new Error('open the invite link again'), { code: 'invite_expired' });
      pending ??= grant.then((g) => { used = true; bearer = g.guestToken; return g; });
      const g = await pending;
      return { token: g.token, url: g.url, identity: g.identity, room: g.room, role: 'guest', canModerate: false };
    },
  };
  conference.createSession = views.roomSessionFactory;
  container.append(conference);
  void conference.join({ prejoin: true });
  return conference;
};
