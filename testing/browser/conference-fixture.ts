// A <timio-conference> for element tests: the real REST client and room API against the fake
// token service's room routes, and a FakeSession per join (the real RoomSession against a media
// server is exercised end to end).
import { fixture, html } from '@open-wc/testing';
import { TokenServiceClient } from '../../sdk/src/api/token-service-client.js';
import { portalCredentials } from '../../sdk/src/api/credentials.js';
import { FakeTokenService, TEST_SERVICE } from './fake-token-service.js';
import { fakeRoomRoutes, type FakeRoomOptions } from './fake-rooms.js';
import { FakeSession } from './fake-session.js';
import { conferenceApi } from '../../sdk/src/views/conference/room-api.js';
import { defineTimioConference, type TimioConference } from '../../sdk/src/views/conference/timio-conference.js';
import { deep, deepAll } from './deep-query.js';
import type { Cleanups } from './cleanups.js';

export { deep, deepAll };

defineTimioConference();

export interface ConferenceFixture {
  el: TimioConference;
  root: ShadowRoot;
  service: FakeTokenService;
  room: ReturnType<typeof fakeRoomRoutes>;
  sessions: FakeSession[];
  session(): FakeSession;
}

export async function conferenceFixture(options: Partial<FakeRoomOptions> & { lang?: 'de' | 'en'; chatMode?: string; width?: number; height?: number; perPage?: number } = {}): Promise<ConferenceFixture> {
  const service = new FakeTokenService().install();
  const self = options.self ?? { identity: 'anna', name: 'Anna Schmidt' };
  const room = fakeRoomRoutes(service, { id: 'vertrieb', name: 'Vertrieb', self, ...options });
  const rest = new TokenServiceClient({ baseUrl: TEST_SERVICE, credentials: portalCredentials(async () => 'portal-token') });
  const sessions: FakeSession[] = [];
  const el = await fixture<TimioConference>(html`<timio-conference lang=${options.lang ?? 'de'} room="vertrieb" chat=${options.chatMode ?? ''}
    per-page=${options.perPage ?? 9} style="width:${options.width ?? 1024}px;height:${options.height ?? 640}px"></timio-conference>`);
  el.api = conferenceApi(rest, 'vertrieb');
  el.createSession = () => {
    const s = new FakeSession();
    s.put({ identity: self.identity, name: self.name, isLocal: true, microphone: { sid: 'm0', muted: false }, camera: { sid: 'c0', muted: false } });
    sessions.push(s);
    return s;
  };
  return { el, root: el.shadowRoot!, service, room, sessions, session: () => sessions.at(-1)! };
}

/** conferenceFixture for one test: its fake token service is uninstalled after the test, by `cleanups`. */
export async function conferenceForTest(cleanups: Cleanups, options: Parameters<typeof conferenceFixture>[0] = {}): Promise<ConferenceFixture> {
  const f = await conferenceFixture(options);
  cleanups.push(() => f.service.uninstall());
  return f;
}

export const text = (root: ParentNode, sel: string) => deep(root, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Waits until every element below `el` finished rendering. */
export async function settled(el: Element): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await (el as Partial<TimioConference>).updateComplete;
    for (const part of deepAll(el.shadowRoot ?? el, '*')) await (part as Partial<TimioConference>).updateComplete;
  }
}
