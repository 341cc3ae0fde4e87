// The stage in Chromium: tile pages of at most `per-page`, page buttons, only the visible videos
// reported to the session (adaptive subscription), speaker view with a shared screen on the stage
// and the active speaker highlighted. Axe.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { FakeSession, canvasTrack, sessionProvider } from '../../../../../testing/browser/fake-session.js';
import { defineTimioConference, type TimioConferenceStage } from '../timio-conference.js';
import { orderTiles } from './stage-plan.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

defineTimioConference();

async function stage(count: number, perPage = 9, layout: 'tiles' | 'speaker' = 'tiles') {
  const session = new FakeSession();
  session.put({ identity: 'me', name: 'Ich Selbst', isLocal: true, joinedAt: 0 });
  for (let i = 1; i < count; i++) session.put({ identity: `p${i}`, name: `Person ${i}`, joinedAt: i, camera: { sid: `c${i}`, muted: false, track: i < 3 ? canvasTrack() : undefined } });
  const host = sessionProvider(session);
  host.setAttribute('lang', 'de');
  const el = await fixture<TimioConferenceStage>(html`<timio-conference-stage style="display:flex;width:960px;height:600px" per-page=${perPage} layout=${layout}></timio-conference-stage>`, { parentNode: host });
  await waitUntil(() => el.shadowRoot!.querySelectorAll('timio-video-tile').length > 0, 'tiles drawn');
  return { el, session, root: el.shadowRoot! };
}

const keys = (root: ShadowRoot) => [...root.querySelectorAll('timio-video-tile')].map((t) => t.getAttribute('data-key'));

describe('<timio-conference-stage>', () => {
  it('pages of at most 3×3; only the page on screen is received; page buttons move it', async () => {
    const { el, session, root } = await stage(12);
    expect(keys(root)).to.have.length(9);
    expect(root.querySelector('.tiles')!.getAttribute('role')).to.equal('list');
    expect(root.querySelector('.pager span')!.textContent).to.equal('Seite 1 von 2');
    await waitUntil(() => session.shown.length > 0, 'visible videos reported');
    expect(session.shown.at(-1)!.map((v) => v.identity)).to.deep.equal(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
    const tile = root.querySelector('timio-video-tile')!.getBoundingClientRect();
    expect(tile.width).to.be.greaterThan(250);
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('.next')!.click();
    await el.updateComplete;
    expect(keys(root)).to.deep.equal(['p9:camera', 'p10:camera', 'p11:camera']);
    expect(session.shown.at(-1)!.map((v) => v.identity)).to.deep.equal(['p9', 'p10', 'p11']);
    expect(root.querySelector<HTMLButtonElement>('.next')!.disabled).to.equal(true);
  });

  it('per-page is configurable', async () => {
    const { root } = await stage(6, 4);
    expect(keys(root)).to.have.length(4);
    expect(root.querySelector('.pager span')!.textContent).to.equal('Seite 1 von 2');
  });

  it('speaker view: a shared screen on the stage, the others in a strip; the active speaker is marked', async () => {
    const { el, session, root } = await stage(4, 9, 'speaker');
    session.put({ identity: 'p2', name: 'Person 2', joinedAt: 2, camera: { sid: 'c2', muted: false, track: canvasTrack() }, screen: { sid: 's2', muted: false, track: canvasTrack() } });
    session.put({ identity: 'p3', name: 'Person 3', joinedAt: 3, speaking: true, lastSpokeAt: Date.now() });
    await el.updateComplete;
    expect(root.querySelector('.stage timio-video-tile')!.getAttribute('data-key')).to.equal('p2:screen');
    const speaking = root.querySelector('timio-video-tile[data-key="p3:camera"]')!;
    await (speaking as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(speaking.hasAttribute('speaking')).to.equal(true);
    await waitUntil(() => session.shown.at(-1)?.[0]?.source === 'screen', 'screen reported on the stage');
    expect(session.shown.at(-1)![0]!.width).to.be.greaterThan(500);
    await expect(el).to.be.accessible();
  });

  it('orderTiles: screen shares first, then speaker, hands, join order; own tile can be hidden', () => {
    const person = (identity: string, patch = {}) => ({ identity, name: identity, isLocal: false, guest: false, moderator: false, speaking: false, quality: 'good' as const, joinedAt: 1, ...patch });
    const people = [person('me', { isLocal: true, joinedAt: 0 }), person('a', { joinedAt: 1 }), person('b', { joinedAt: 2, handRaisedAt: '2026-01-01T00:00:00Z' }), person('c', { joinedAt: 3, screen: { sid: 's', muted: false } })];
    expect(orderTiles(people, [], 9, false).map((t) => t.key)).to.deep.equal(['c:screen', 'c:camera', 'b:camera', 'me:camera', 'a:camera']);
    expect(orderTiles(people, [], 9, true).map((t) => t.key)).to.not.include('me:camera');
  });
});
