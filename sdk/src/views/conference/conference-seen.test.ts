// <timio-conference> as a person meets it (issue 24), in Chromium and Firefox, German and English:
// where it is on a phone, what its header and controls say, what its notices leave uncovered.
// Each test looks at positions, overlaps and text on screen.
import { expect } from '@open-wc/testing';
import { cleanupsAfterEach } from '../../../../testing/browser/cleanups.js';
import { waitUntil } from '../../../../testing/wait.js';
import { canvasTrack } from '../../../../testing/browser/fake-session.js';
import { conferenceFixture, conferenceForTest, deep, deepAll, settled, text } from '../../../../testing/browser/conference-fixture.js';
import { openConference, type RestPort } from './index.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const cleanup = cleanupsAfterEach();

const setup = (options: Parameters<typeof conferenceFixture>[0] = {}) => conferenceForTest(cleanup, options);

const viewport = (width: number, height: number) => cleanup.viewport(width, height);

/** Joins at once and is connected, with Ben and Carla present (cameras on). */
async function inMeeting(f: Awaited<ReturnType<typeof setup>>) {
  void f.el.join({ prejoin: false });
  await waitUntil(() => f.sessions.length === 1, 'session');
  const s = f.session();
  s.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
  s.connection.set({ phase: 'connected' });
  s.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'B', muted: false, track: canvasTrack() } });
  s.put({ identity: 'carla', name: 'Carla Rossi', camera: { sid: 'C', muted: false, track: canvasTrack() } });
  await waitUntil(() => deepAll(f.root, 'timio-video-tile').length >= 3, 'three tiles');
  await settled(f.el);
  return s;
}

const box = (el: Element) => el.getBoundingClientRect();
type Box = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
/** The visible screen (Firefox draws a classic scroll bar beside a long page: not covered). */
const screen = () => ({ left: 0, top: 0, width: document.documentElement.clientWidth, height: innerHeight });

for (const lang of ['de', 'en'] as const) {
  describe(`<timio-conference> as a person meets it (${lang})`, () => {
    it('on a phone the conference the page placed below its chat covers the screen, pre-join and meeting (finding 1)', async () => {
      await viewport(390, 844);
      const f = await setup({ lang, width: 360, height: 420 });
      // The host's page: the conference panel far down, below a long chat.
      const chat = document.createElement('div');
      chat.style.height = '1200px';
      f.el.before(chat);
      cleanup.push(() => chat.remove());
      void f.el.join({ prejoin: true });
      const join = await waitUntil(() => deep<HTMLButtonElement>(f.root, 'button.join'), 'pre-join');
      await settled(f.el);
      expect(box(f.el).toJSON(), 'the pre-join covers the screen').to.include(screen());
      const r = box(join);
      expect(r.bottom, 'its join button is on screen').to.be.at.most(844);
      expect(r.top).to.be.at.least(0);
      join.click();
      await waitUntil(() => f.sessions.length === 1, 'session');
      f.session().connection.set({ phase: 'connected' });
      await settled(f.el);
      expect(box(f.el).toJSON(), 'the meeting covers the screen').to.include(screen());
      const leave = deep<HTMLButtonElement>(f.root, '.controls > button.leave')!;
      // The bar fits its controls to its width once it has measured it (a ResizeObserver, a frame later).
      await waitUntil(() => box(leave).left >= 0, 'the bar fitted to the screen');
      const l = box(leave);
      expect(l.bottom, 'the controls are on screen').to.be.at.most(844);
      expect(l.top).to.be.greaterThan(400);
      // What a finger on "leave" hits is the conference, not the page's chat.
      const hit = document.elementFromPoint(l.left + l.width / 2, l.top + l.height / 2);
      expect(hit === f.el ? 'the conference' : `${hit?.localName} ${JSON.stringify(l)}`, 'what a finger on "leave" hits').to.equal('the conference');
      // Closed after the meeting, the page is as it was.
      await f.el.leave();
      deep<HTMLButtonElement>(f.root, '.close-ended')!.click();
      await settled(f.el);
      expect(box(f.el).height, 'idle: nothing').to.equal(0);
    });

    it('"läuft seit" is the meeting\'s time, the same for everyone, not how long this person is in it (finding 2)', async () => {
      const f = await setup({ lang });
      // Joined from the room bar, which names the room: no status request, the session tells.
      f.el.roomName = 'Vertrieb';
      void f.el.join({ prejoin: false });
      await waitUntil(() => f.sessions.length === 1, 'session');
      const s = f.session();
      const minutesAgo = (m: number) => Date.now() - m * 60_000;
      // As the media server stamps joins: Ben began it 6½ minutes ago, Carla came 3 minutes ago, Anna now.
      s.put({ identity: 'ben', name: 'Ben Müller', joinedAt: minutesAgo(6.5) });
      s.put({ identity: 'carla', name: 'Carla Rossi', joinedAt: minutesAgo(3) });
      s.connection.set({ phase: 'connected' });
      const running = lang === 'de' ? /^läuft seit 6:[34]\d$/ : /^running for 6:[34]\d$/;
      await waitUntil(() => running.test(text(f.root, '.running')), 'the meeting\'s time').catch(() => {
        throw new Error(`header says "${text(f.root, '.running')}"`);
      });
      // Ben, who began it, goes: it runs since the earliest of those present, Carla (as the service's
      // room status says to everyone then).
      s.participants.set(s.participants.value.filter((p) => p.identity !== 'ben'));
      const since = lang === 'de' ? /^läuft seit 3:\d\d$/ : /^running for 3:\d\d$/;
      await waitUntil(() => since.test(text(f.root, '.running')), 'the earliest of those present');
    });

    it('"Zur Besprechung" in the room bar brings the page\'s conference into view and joins nothing twice (finding 3)', async () => {
      await viewport(1280, 800);
      const f = await setup({ lang, width: 640, height: 480 });
      await inMeeting(f);
      const chat = document.createElement('div');
      chat.style.height = '2000px';
      f.el.before(chat);
      cleanup.push(() => chat.remove());
      scrollTo(0, 0);
      expect(box(f.el).top, 'below the chat, out of view').to.be.greaterThan(800);
      f.el.resumeStore = { save: () => undefined, clear: () => undefined };
      // What the room bar's button calls through the page wiring (the element has its api already).
      const opened = openConference({ room: 'vertrieb', prejoin: true, rest: {} as RestPort });
      expect(opened === f.el, 'the page\'s own conference').to.equal(true);
      const r = box(f.el);
      expect(r.top).to.be.at.least(0);
      expect(r.bottom, 'in view').to.be.at.most(800);
      await settled(f.el);
      expect(f.sessions.length, 'no second join').to.equal(1);
      expect(deep(f.root, 'timio-conference-prejoin'), 'no pre-join over the meeting').to.equal(null);
    });

    it('join and leave notices cover no text or control: the moderator question, the panel\'s title, tiles, the controls (finding 4)', async () => {
      await viewport(1280, 800);
      const f = await setup({ lang, moderators: ['anna'], width: 1000, height: 640 });
      // From the invitation: the moderator question inside the conference.
      const s = await inMeeting(f);
      await waitUntil(() => deep(f.root, '.confirm-moderator'), 'the moderator question');
      deep<HTMLButtonElement>(f.root, '.controls .participants')!.click();
      await waitUntil(() => deep(f.root, '#people-title'), 'the participants panel');
      s.put({ identity: 'dora', name: 'Dora Neu', camera: { sid: 'D', muted: false, track: canvasTrack() } });
      s.participants.set(s.participants.value.filter((p) => p.identity !== 'carla'));
      const notice = await waitUntil(() => {
        const shown = deepAll<HTMLElement>(f.root, '.notice');
        return shown.length === 2 ? shown : undefined;
      }, 'two notices');
      expect(notice.map((n) => n.textContent)).to.deep.equal(lang === 'de'
        ? ['Dora Neu ist beigetreten.', 'Carla Rossi hat die Konferenz verlassen.']
        : ['Dora Neu joined.', 'Carla Rossi left the conference.']);
      await settled(f.el);
      const covered = () => {
        const things = [
          ...deepAll(f.root, '.header, .moderator-notice, #people-title, timio-control-bar, timio-video-tile'),
          ...deepAll(f.root, 'timio-participants-panel button'),
        ];
        return notice.flatMap((n) => things.filter((x) => overlaps(box(n), box(x))).map((x) => `"${n.textContent}" covers ${x.localName}.${x.className || x.id}`));
      };
      // The stage lays its tiles out again for the room left (a ResizeObserver, a frame later); the
      // notices stay a few seconds, long enough to be looked at.
      await waitUntil(() => covered().length === 0 || !notice[0]!.isConnected, 'nothing covered').catch(() => {
        throw new Error(covered().join('; '));
      });
      expect(notice.every((n) => n.isConnected && box(n).height > 10), 'the notices still shown').to.equal(true);
      expect(covered()).to.deep.equal([]);
    });

    it('after "Ich bin Moderator" in a panel beside the chat: every control in the bar and the tiles two by two, as for a member (finding 5)', async () => {
      await viewport(1280, 800);
      const f = await setup({ lang, moderators: ['anna'], width: 575, height: 620 });
      await inMeeting(f);
      const bar = deep(f.root, 'timio-control-bar')!.shadowRoot!;
      const look = () => {
        const tiles = deepAll<HTMLElement>(f.root, 'timio-video-tile').map(box);
        return {
          controls: [...bar.querySelectorAll<HTMLButtonElement>('.controls > button')].map((b) => b.className.split(' ')[0]),
          columns: new Set(tiles.map((r) => Math.round(r.left))).size,
          narrowest: Math.min(...tiles.map((r) => r.width)),
        };
      };
      await waitUntil(() => deep(f.root, '.confirm-moderator'), 'the moderator question');
      deep<HTMLButtonElement>(f.root, '.confirm-moderator')!.click();
      await waitUntil(() => look().controls.includes('end') && !deep(f.root, '.confirm-moderator'), 'moderator');
      // The bar and the stage lay themselves out for their new size (ResizeObservers, a frame later).
      const expected = (l: ReturnType<typeof look>) => l.columns === 2 && !l.controls.includes('overflow');
      await waitUntil(() => expected(look()), 'laid out').catch(() => undefined);
      const seen = look();
      expect(seen.controls, 'every control in the bar').to.deep.equal(['leave', 'mic', 'camera', 'screen', 'chat', 'hand', 'participants', 'layout', 'settings', 'end']);
      expect(seen.columns, 'tiles two by two, not one narrow column').to.equal(2);
      expect(seen.narrowest).to.be.greaterThan(250);
      for (const b of bar.querySelectorAll<HTMLButtonElement>('.controls > button')) expect(box(b).height, 'targets of 44 px').to.be.at.least(44);
    });

    it('the tile/speaker toggle says what a press will do, in its label and its icon (finding 9)', async () => {
      const f = await setup({ lang });
      await inMeeting(f);
      const stage = deep(f.root, 'timio-conference-stage') as HTMLElement & { layout: string };
      const toggle = () => deep<HTMLButtonElement>(f.root, '.controls .layout')!;
      const [tiles, speaker] = lang === 'de' ? ['Kachelansicht', 'Sprecheransicht'] : ['Tile view', 'Speaker view'];
      expect(stage.layout).to.equal('tiles');
      expect(toggle().getAttribute('aria-label'), 'in the tile view it offers the speaker view').to.equal(speaker);
      expect(toggle().hasAttribute('aria-pressed'), 'no pressed state beside a label that changes').to.equal(false);
      const tileIcon = toggle().querySelector('svg')!.innerHTML;
      toggle().click();
      await settled(f.el);
      expect(stage.layout).to.equal('speaker');
      expect(toggle().getAttribute('aria-label'), 'in the speaker view it offers the tile view').to.equal(tiles);
      expect(toggle().querySelector('svg')!.innerHTML, 'another icon').to.not.equal(tileIcon);
      toggle().click();
      await settled(f.el);
      expect([stage.layout, toggle().getAttribute('aria-label')]).to.deep.equal(['tiles', speaker]);
    });

    it('the moderator who ended the meeting is told they ended it; the others that the moderator did (finding 8)', async () => {
      const f = await setup({ lang, moderators: ['anna'] });
      await inMeeting(f);
      await waitUntil(() => deep(f.root, '.confirm-moderator'), 'the moderator question');
      deep<HTMLButtonElement>(f.root, '.confirm-moderator')!.click();
      await waitUntil(() => deep(f.root, '.controls .end'), 'moderator controls');
      deep<HTMLButtonElement>(f.root, '.controls .end')!.click();
      await waitUntil(() => deep(f.root, '.confirm-end'), 'the confirmation');
      deep<HTMLButtonElement>(f.root, '.confirm-end')!.click();
      await waitUntil(() => f.room.ended, 'POST end');
      f.session().connection.set({ phase: 'disconnected', reason: 'room_ended' });
      await waitUntil(() => text(f.root, '.ended [role="status"]') !== '', 'the ended view');
      expect(text(f.root, '.ended [role="status"]')).to.equal(lang === 'de' ? 'Sie haben die Konferenz für alle beendet.' : 'You ended the conference for everyone.');
      await expect(f.el).to.be.accessible();
      // Back in and ended by someone else: "vom Moderator".
      deep<HTMLButtonElement>(f.root, '.close-ended')!.click();
      f.room.ended = false;
      void f.el.join({ prejoin: false });
      await waitUntil(() => f.sessions.length === 2, 'joined again');
      f.session().connection.set({ phase: 'connected' });
      f.session().connection.set({ phase: 'disconnected', reason: 'room_ended' });
      await waitUntil(() => text(f.root, '.ended [role="status"]') !== '', 'the ended view');
      expect(text(f.root, '.ended [role="status"]')).to.equal(lang === 'de' ? 'Die Konferenz wurde vom Moderator beendet.' : 'The conference was ended by the moderator.');
    });

    it('a screen someone shares is shown large with the cameras beside it, labelled as their screen; the person can switch back (finding 6)', async () => {
      await viewport(1280, 800);
      const f = await setup({ lang, width: 1000, height: 640 });
      const s = await inMeeting(f);
      const stage = deep(f.root, 'timio-conference-stage') as HTMLElement & { layout: string };
      const label = lang === 'de' ? 'Bildschirm von Ben Müller' : 'Ben Müller\'s screen';
      const share = () => s.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'B', muted: false, track: canvasTrack() }, screen: { sid: `S${Date.now()}`, muted: false, track: canvasTrack() } });
      share();
      const screenTile = await waitUntil(() => deep<HTMLElement>(f.root, 'timio-video-tile[data-key="ben:screen"]'), 'Ben\'s screen');
      await waitUntil(() => stage.layout === 'speaker', 'shown large: the speaker view');
      await settled(f.el);
      expect(text(screenTile.shadowRoot!, '.name')).to.equal(label);
      const cameras = deepAll<HTMLElement>(f.root, 'timio-video-tile.camera');
      expect(cameras.length, 'the cameras beside it').to.be.at.least(2);
      const area = (el: Element) => box(el).width * box(el).height;
      for (const c of cameras) expect(area(screenTile), 'the screen is the largest picture').to.be.greaterThan(2 * area(c));
      // The person switches back to the tiles: it stays so while Ben shares.
      deep<HTMLButtonElement>(f.root, '.controls .layout')!.click();
      await settled(f.el);
      s.put({ identity: 'carla', name: 'Carla Rossi', camera: { sid: 'C', muted: false, track: canvasTrack() }, speaking: true });
      await settled(f.el);
      expect(stage.layout).to.equal('tiles');
      expect(text(deep(f.root, 'timio-video-tile[data-key="ben:screen"]')!.shadowRoot!, '.name'), 'labelled in the tiles too').to.equal(label);
      // A share that starts again is shown large again.
      s.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'B', muted: false, track: canvasTrack() } });
      await settled(f.el);
      share();
      await waitUntil(() => stage.layout === 'speaker', 'the new share large');
    });

    it('on a wide screen the conference stays where the page placed it (finding 1)', async () => {
      await viewport(1280, 800);
      const f = await setup({ lang, width: 640, height: 480 });
      await inMeeting(f);
      expect(box(f.el).toJSON()).to.include({ width: 640, height: 480 });
    });
  });
}
