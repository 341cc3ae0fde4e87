// A 1:1 call that became a meeting (issue 27), in Chromium and Firefox: <timio-conference> takes over
// the call window's live session with adopt(): in at once (no token asked, no connect), `joined` sent,
// the meeting's name from the room status, "Kollegen hinzurufen" but no guest invite, and the
// caller (moderator) may end it for all; the callee may not. German and English; axe.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import { conferenceFixture, deep, settled, text } from '../../../../testing/browser/conference-fixture.js';
import { FakeSession } from '../../../../testing/browser/fake-session.js';
import type { TimioConferenceJoinedEvent } from './events.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

async function adopted(lang: 'de' | 'en', moderator: boolean) {
  const f = await conferenceFixture({ lang, name: 'Anna Schmidt, Ben Müller', moderators: moderator ? ['anna'] : [] });
  uninstall = () => f.service.uninstall();
  // The room status says it is a converted call's meeting.
  f.service.on('GET /v1/rooms/vertrieb', () => ({ status: 200, json: { room: { id: 'vertrieb', name: 'Anna Schmidt, Ben Müller' }, kind: 'meeting', running: true, ended: false, participants: [] } }));
  const session = new FakeSession();
  session.put({ identity: 'anna', name: 'Anna Schmidt', isLocal: true, camera: { sid: 'c0', muted: false }, microphone: { sid: 'm0', muted: false } });
  session.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'c1', muted: false }, microphone: { sid: 'm1', muted: false } });
  session.connection.set({ phase: 'connected' });
  const joined: TimioConferenceJoinedEvent[] = [];
  f.el.addEventListener('timio-conference-joined', (e) => joined.push(e as TimioConferenceJoinedEvent));
  f.el.adopt(session, moderator);
  await settled(f.el);
  return { ...f, adoptedSession: session, joined };
}

describe('<timio-conference> adopting a converted call', () => {
  it('de: in at once on the same session, the meeting name, moderator may end it; no guest invite', async () => {
    const f = await adopted('de', true);
    expect(f.el.phase).to.equal('in');
    expect(f.joined.map((e) => e.detail)).to.deep.equal([{ room: 'vertrieb', moderator: true }]);
    expect(f.adoptedSession.calls.includes('connect')).to.equal(false, 'no connect');
    expect(f.sessions).to.have.length(0, 'no new session');
    expect(f.service.requests.some((r) => r.path === '/v1/token')).to.equal(false, 'no token asked');
    await waitUntil(() => text(f.root, '.header').includes('Anna Schmidt, Ben Müller'), 'the meeting name');
    expect(f.el.hasAttribute('private-meeting')).to.equal(true);
    await waitUntil(() => deep(f.root, '.controls .end'), 'Konferenz beenden for the moderator');
    deep<HTMLButtonElement>(f.root, '.controls .participants')!.click();
    await settled(f.el);
    await waitUntil(() => deep(f.root, '.call-in'), 'Kollegen hinzurufen');
    expect(text(f.root, '.call-in')).to.equal('Kollegen hinzurufen');
    expect(deep(f.root, '.invite')).to.equal(null, 'no guest invite in a converted meeting');
    await expect(f.el).to.be.accessible();
  });

  it('en: the callee is a member: no end for all; leaving leaves the adopted session', async () => {
    const f = await adopted('en', false);
    expect(f.joined.map((e) => e.detail)).to.deep.equal([{ room: 'vertrieb', moderator: false }]);
    await waitUntil(() => deep(f.root, '.controls .leave'), 'the bar is drawn');
    expect(deep(f.root, '.controls .end')).to.equal(null);
    deep<HTMLButtonElement>(f.root, '.controls .participants')!.click();
    await settled(f.el);
    await waitUntil(() => deep(f.root, '.call-in'), 'Call in a colleague');
    expect(text(f.root, '.call-in')).to.equal('Call in a colleague');
    await f.el.leave();
    expect(f.adoptedSession.calls.includes('leave')).to.equal(true);
    expect(f.el.phase).to.equal('ended');
  });
});
