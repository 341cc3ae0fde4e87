// Issue 13 item 8: once the SDK has used the token service URL and the portal token source, markup
// injected later (a second <timio-config>) or another configure() call cannot redirect the portal
// token; other settings such as the language still change.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure, getConfig } from '../../config/config.js';
import { pageServices } from '../../page/page-services.js';
import { FakeTokenService, TEST_SERVICE } from '../../../../testing/browser/fake-token-service.js';
import { defineConfig } from './config.js';

defineConfig();

describe('token service URL and portal token source, once used', () => {
  it('ignore later changes with a console warning and send the token only to the first service', async () => {
    // Before anything was used, the page may still change its mind.
    configure({ tokenServiceUrl: 'https://first.example', portalToken: 'portal-token-first' });
    configure({ tokenServiceUrl: TEST_SERVICE, portalToken: 'portal-token-anna' });
    expect(getConfig()?.tokenServiceUrl).to.equal(TEST_SERVICE);

    const service = new FakeTokenService().install();
    service.on('POST /v1/token', () => ({ status: 200, json: { token: 'lk', url: 'ws://x', identity: 'anna', room: 'vertrieb', role: 'member' } }));
    const seen: string[] = [];
    const inner = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url, location.href).origin);
      return inner(input, init);
    };
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      await pageServices().api.roomToken('vertrieb');
      expect(service.requests[0]?.authorization).to.equal('Bearer portal-token-anna');

      await fixture(html`<timio-config token-service-url="https://evil.example" portal-token-url="https://evil.example/t" locale="en"></timio-config>`);
      await waitUntil(() => getConfig()?.locale === 'en', 'the language still changes');
      expect(getConfig()?.tokenServiceUrl).to.equal(TEST_SERVICE);
      expect(getConfig()?.portalTokenUrl).to.equal(undefined);
      expect(getConfig()?.portalToken).to.equal('portal-token-anna');
      configure({ portalToken: 'attacker-token' });
      expect(getConfig()?.portalToken).to.equal('portal-token-anna');
      expect(warnings.some((w) => /token service URL is fixed once used/.test(w))).to.equal(true);
      expect(warnings.some((w) => /portal token source .* is fixed once used/.test(w))).to.equal(true);

      await pageServices().api.roomToken('vertrieb');
      expect(service.requests.map((r) => r.authorization)).to.deep.equal(['Bearer portal-token-anna', 'Bearer portal-token-anna']);
      expect(seen.every((origin) => origin === TEST_SERVICE), `requests went only to ${TEST_SERVICE}: ${seen.join(', ')}`).to.equal(true);
    } finally {
      console.warn = warn;
      window.fetch = inner;
      service.uninstall();
    }
  });
});
