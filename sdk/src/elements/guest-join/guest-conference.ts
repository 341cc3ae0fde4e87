// Opens the conference for an admitted guest: loads the session + views chunk through the page's
// one loader (the light part never imports livekit-client), and puts a <timio-conference> into
// the guest page, with the conference's own camera and microphone check before joining. Its
// token is the grant the guest was given; hand and chat go with the guest token.
import type { GuestGrant } from '../../protocol/rest.js';
import { TokenServiceClient } from '../../api/token-service-client.js';
import { guestCredentials } from '../../api/credentials.js';
import { loadViews } from '../../page/views-loader.js';

export interface GuestConferenceRequest { grant: GuestGrant; title: string; container: HTMLElement; serviceUrl: string }
export type GuestConferenceOpener = (request: GuestConferenceRequest) => Promise<HTMLElement>;

export const openGuestConference: GuestConferenceOpener = async ({ grant, title, container, serviceUrl }) => {
  const views = await loadViews();
  views.defineTimioConference();
  const rest = new TokenServiceClient({ baseUrl: serviceUrl, credentials: guestCredentials(grant.guestToken) });
  const conference = document.createElement('timio-conference');
  conference.room = grant.room;
  conference.roomName = title;
  // The whole window: the guest page has nothing else to show, and the camera check and the tiles
  // need the height (in a box below the host's header, 720 px windows cut the check off).
  conference.fullWindow = true;
  const api = views.conferenceApi(rest, grant.room);
  let used = false;
  // The grant is good for one join; a rejoin from the ended view needs the invite link again.
  conference.api = {
    ...api,
    token: async () => {
      if (used) throw Object.assign(new Error('open the invite link again'), { code: 'invite_expired' });
      used = true;
      return { token: grant.token, url: grant.url, identity: grant.identity, room: grant.room, role: 'guest', canModerate: false };
    },
  };
  conference.createSession = views.roomSessionFactory;
  container.append(conference);
  void conference.join({ prejoin: true });
  return conference;
};
