// The call window's LiveKit token, left for the tab's next page: written only as the page goes,
// taken once, and only for the tab's call, soon after, while it is still valid for a while.
import { expect } from '@open-wc/testing';
import type { CallInfo } from '#protocol/realtime.js';
import { BrowserCallResumeStore } from './browser-call-resume-store.js';

const KEY = 'timio:tab-call-grant';
const call: CallInfo = {
  id: 'cccccccccccccccccccccccc', room: 'call-c', state: 'active',
  caller: { id: 'anna', name: 'Anna Schmidt' }, callee: { id: 'ben', name: 'Ben Müller' },
  createdAt: new Date(Date.now() - 60_000).toISOString(),
};

/** An unsigned JWT-shaped token expiring `inSeconds` from now (only its `exp` is read here). */
function token(inSeconds: number): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'HS256' })}.${part({ sub: 'anna', exp: Math.floor(Date.now() / 1000) + inSeconds })}.sig`;
}

describe('BrowserCallResumeStore: the token left for the next page', () => {
  afterEach(() => {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem('timio:tab-call');
  });

  it('is written on pagehide for the call the tab holds, and the next page takes it once', () => {
    const page = new BrowserCallResumeStore();
    page.setTabCall({ id: call.id });
    const grant = { call, token: token(600), url: 'ws://media' };
    page.keepGrant(grant);
    expect(sessionStorage.getItem(KEY)).to.equal(null, 'nothing in storage while the page lives');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));

    const next = new BrowserCallResumeStore();
    expect(next.takeGrant(call.id)).to.deep.equal(grant);
    expect(sessionStorage.getItem(KEY)).to.equal(null, 'removed on reading');
    expect(next.takeGrant(call.id)).to.equal(undefined);
    page.keepGrant(undefined); // this test's page is gone (its pagehide listener stays in this window)
  });

  it('nothing is left when the window let the call go, or for another call', () => {
    const page = new BrowserCallResumeStore();
    page.setTabCall({ id: call.id });
    page.keepGrant({ call, token: token(600), url: 'ws://media' });
    page.keepGrant(undefined);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(sessionStorage.getItem(KEY)).to.equal(null);

    page.keepGrant({ call, token: token(600), url: 'ws://media' });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(new BrowserCallResumeStore().takeGrant('dddddddddddddddddddddddd')).to.equal(undefined);
    page.keepGrant(undefined);
  });

  it('is not used when it expires within a minute, was left 20 s or more ago, or is malformed', () => {
    const next = new BrowserCallResumeStore();
    const put = (value: unknown) => sessionStorage.setItem(KEY, JSON.stringify(value));
    put({ call, token: token(50), url: 'ws://media', leftAt: Date.now() });
    expect(next.takeGrant(call.id), 'expires soon').to.equal(undefined);
    put({ call, token: token(600), url: 'ws://media', leftAt: Date.now() - 20_000 });
    expect(next.takeGrant(call.id), 'left long ago').to.equal(undefined);
    put({ call, token: 'not-a-jwt', url: 'ws://media', leftAt: Date.now() });
    expect(next.takeGrant(call.id), 'no expiry').to.equal(undefined);
    put({ call: { id: call.id }, token: token(600), url: 'ws://media', leftAt: Date.now() });
    expect(next.takeGrant(call.id), 'no call').to.equal(undefined);
    sessionStorage.setItem(KEY, '{not json');
    expect(next.takeGrant(call.id), 'not JSON').to.equal(undefined);
    put({ call, token: token(600), url: 'ws://media', leftAt: Date.now() - 1_000 });
    expect(next.takeGrant(call.id)?.token, 'a page change a second later').to.be.a('string');
  });
});
