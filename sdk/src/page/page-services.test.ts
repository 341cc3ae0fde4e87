// The page wiring in Chromium, on a page WITHOUT a notifications element: the host events still
// arrive on `document`; one REST client serves employees (portal token) and guests (guest token);
// the call window's and the conference's chunks load once each, on demand.
import { expect } from '@open-wc/testing';
import { configure } from '../config/config.js';
import { TokenServiceClient } from '../api/token-service-client.js';
import { guestCredentials } from '../api/credentials.js';
import { FakeTokenService, TEST_SERVICE, makeCall } from '../../../testing/browser/fake-token-service.js';
import { pageServices } from './page-services.js';
import { loadCallViews, loadConferenceViews } from './views-loader.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

configure({ tokenServiceUrl: TEST_SERVICE, portalToken: 'portal-token-anna' });

function next(type: string): Promise<Event> {
  return new Promise((resolve) => document.addEventListener(type, resolve, { once: true }));
}

describe('page wiring', () => {
  it('sends timio-call-started and timio-call-error on document with no notifications element on the page', async () => {
    expect(document.querySelector('timio-notifications')).to.equal(null);
    const service = new FakeTokenService().install();
    try {
      const call = makeCall({ id: 'a'.repeat(24) });
      service.on('POST /v1/calls', () => ({ status: 201, json: { call, token: 'lk', url: 'ws://media.test' } }));
      const started = next('timio-call-started');
      await pageServices().calls.call({ id: 'ben', name: 'Ben Müller' });
      expect(((await started) as CustomEvent).detail.id).to.equal(call.id);
      expect(service.requests[0]?.authorization).to.equal('Bearer portal-token-anna');
      service.on('POST /v1/calls/:id/cancel', () => ({ status: 200, json: { call: { ...call, state: 'ended', outcome: 'cancelled' } } }));
      const ended = next('timio-call-ended');
      await pageServices().calls.cancel();
      expect(((await ended) as CustomEvent).detail.outcome).to.equal('cancelled');
      await pageServices().calls.cancel();

      service.on('POST /v1/calls', () => ({ status: 403, json: { error: { code: 'not_a_member', message: 'no' } } }));
      const error = next('timio-call-error');
      await pageServices().calls.call({ id: 'carla', name: 'Carla' });
      expect(((await error) as CustomEvent).detail.code).to.equal('not_a_member');
      await pageServices().calls.cancel();
    } finally {
      service.uninstall();
    }
  });

  it('the same REST client speaks for a guest with the guest token (raise hand)', async () => {
    const service = new FakeTokenService().install();
    try {
      service.on('POST /v1/rooms/vertrieb/hand', (body: { raised: boolean }) => ({ status: 200, json: { room: 'vertrieb', identity: 'guest:x', raised: body.raised, raisedAt: '2026-01-01T10:00:00.000Z' } }));
      const api = new TokenServiceClient({ baseUrl: TEST_SERVICE, credentials: guestCredentials('guest-token-maria') });
      const result = await api.request<{ raised: boolean }>('POST', '/v1/rooms/vertrieb/hand', { raised: true });
      expect(result.raised).to.equal(true);
      expect(service.requests.at(-1)).to.deep.include({ path: '/v1/rooms/vertrieb/hand', authorization: 'Bearer guest-token-maria' });
      expect(service.requests.at(-1)?.body).to.deep.equal({ raised: true });
    } finally {
      service.uninstall();
    }
  });

  it('loads the call window and the conference once each, on demand', async () => {
    expect(customElements.get('timio-call')).to.equal(undefined);
    const [a, b] = await Promise.all([loadCallViews(), loadCallViews()]);
    expect(a).to.equal(b);
    expect(typeof a.openCallWindow).to.equal('function');
    expect(customElements.get('timio-conference')).to.equal(undefined);
    const [c, d] = await Promise.all([loadConferenceViews(), loadConferenceViews()]);
    expect(c).to.equal(d);
    expect(typeof c.openConference).to.equal('function');
    expect(typeof c.roomSessionFactory).to.equal('function');
  });
});
