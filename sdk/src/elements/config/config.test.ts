// <timio-config> and timio.configure: what a page author writes becomes the configuration;
// bad values are refused with a message that says what is wrong.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import { configure, getConfig } from '../../config/config.js';
import { PortalTokenSource } from '../../config/portal-token.js';
import '../../../../testing/browser/fake-token-service.js';
import { defineConfig } from './config.js';
import { define } from '../shared/define.js';
import { catalogFor, registerCatalog } from '../../i18n/localize.js';
import { en } from '../../i18n/en.js';

defineConfig();

describe('<timio-config>', () => {
  it('configures the token service, the portal token URL and the locale from its attributes', async () => {
    const el = await fixture(html`<timio-config token-service-url="https://calls.example/api/" portal-token-url="/api/portal-token" locale="en"></timio-config>`);
    await waitUntil(() => getConfig()?.tokenServiceUrl === 'https://calls.example/api');
    expect(getConfig()?.portalTokenUrl).to.equal(new URL('/api/portal-token', location.href).href);
    expect(getConfig()?.locale).to.equal('en');
    expect(getComputedStyle(el).display).to.equal('none');
    el.setAttribute('locale', 'de');
    await waitUntil(() => getConfig()?.locale === 'de');
  });

  it('refuses bad options with a clear TypeError', () => {
    expect(() => configure({ tokenServiceUrl: 'javascript:alert(1)' })).to.throw(TypeError, /tokenServiceUrl must be an http\(s\) URL/);
    expect(() => configure({ tokenServiceUrl: 'https://x.example', portalToken: 42 as unknown as string })).to.throw(TypeError, /portalToken/);
  });
});

describe('portal token', () => {
  it('fetches it from the portal token URL once and reuses it until shortly before it expires', async () => {
    let fetched = 0;
    const original = window.fetch;
    window.fetch = async () => {
      fetched++;
      return Response.json({ token: `t${fetched}`, expiresAt: new Date(Date.now() + 10 * 60_000).toISOString() });
    };
    try {
      const source = new PortalTokenSource(() => ({ tokenServiceUrl: 'https://x.example', portalTokenUrl: 'https://portal.example/t' }));
      const [a, b] = await Promise.all([source.get(), source.get()]);
      expect([a, b, fetched]).to.deep.equal(['t1', 't1', 1]);
      expect(await source.get(true)).to.equal('t2');
    } finally {
      window.fetch = original;
    }
  });

  it('calls the host\'s function for every token', async () => {
    let n = 0;
    const source = new PortalTokenSource(() => ({ tokenServiceUrl: 'https://x.example', portalToken: async () => `fn${++n}` }));
    expect(await source.get()).to.equal('fn1');
    expect(await source.get()).to.equal('fn2');
  });
});

describe('<timio-config> beside a script', () => {
  it('does not undo options a script set that it has no attribute for', async () => {
    const token = async () => 'from-script';
    configure({ tokenServiceUrl: 'https://a.example', portalToken: token, locale: 'en' });
    await fixture(html`<timio-config token-service-url="https://b.example"></timio-config>`);
    await waitUntil(() => getConfig()?.tokenServiceUrl === 'https://b.example');
    expect(getConfig()?.portalToken).to.equal(token);
    expect(getConfig()?.locale).to.equal('en');
  });

  it('applies the dark theme to the tokens of the page', async () => {
    await fixture(html`<timio-config token-service-url="https://b.example" theme="dark"></timio-config>`);
    await waitUntil(() => getComputedStyle(document.documentElement).getPropertyValue('--timio-color-surface').trim() === '#1f2328');
    configure({ theme: 'light' });
    expect(getComputedStyle(document.documentElement).getPropertyValue('--timio-color-surface').trim()).to.equal('');
  });
});

describe('registration and languages', () => {
  it('a second copy of an element class warns instead of throwing', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      define('timio-twice-test', class extends HTMLElement {});
      define('timio-twice-test', class extends HTMLElement {});
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<timio-twice-test> is already defined');
  });

  it('a host can add a language', () => {
    registerCatalog('fr', { ...en, locale: 'fr-FR', callButton: { ...en.callButton, start: (name) => `Appeler ${name} en vidéo` } });
    expect(catalogFor('fr-CA').callButton.start('Anna')).to.equal('Appeler Anna en vidéo');
    expect(catalogFor('de-AT').callButton.start('Anna')).to.equal('Videocall mit Anna starten');
    expect(catalogFor('').locale).to.equal('de-DE');
  });
});
