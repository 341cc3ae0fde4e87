// Browser entry of the conference test page: openConference from the views chunk's source with a
// REST client whose bearer token is the user's id (the stand-in's convention).
import { openConference, type TimioConference } from '../../sdk/src/views/index.js';
import { TokenServiceClient } from '../../sdk/src/api/token-service-client.js';
import { portalCredentials } from '../../sdk/src/api/credentials.js';

declare global {
  interface Window {
    conference: {
      open(options: { room: string; prejoin: boolean; user: string }): void;
      element?: TimioConference;
      events: string[];
    };
  }
}

const events: string[] = [];
for (const type of ['timio-conference-joined', 'timio-conference-left', 'timio-conference-ended', 'timio-conference-hand-raised', 'timio-conference-chat-message']) {
  document.addEventListener(type, () => events.push(type));
}

window.conference = {
  events,
  open({ room, prejoin, user }) {
    const rest = new TokenServiceClient({ baseUrl: `${location.origin}/ts`, credentials: portalCredentials(async () => user) });
    this.element = openConference({ room, prejoin, rest });
  },
};
