// <timio-conference> in Chromium: pre-join with the moderator confirmation, the room's header,
// every control in the manual's order, the moderator's end, notices and the ended views. REST
// goes through the real client to the fake token service's room routes; the session is a
// FakeSession (the real one against the dev media server is covered end to end).
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import { canvasTrack } from '../../../../testing/browser/fake-session.js';
import { conferenceFixture, deep, deepAll, settled, text } from '../../../../testing/browser/conference-fixture.js';
import type { ResumableConference } from '../../resume/conference-resume.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

async function setup(options: Parameters<typeof conferenceFixture>[0] = {}) {
  const f = await conferenceFixture(options);
  uninstall = () => f.service.uninstall();
  return f;
}

const describeEl = (el: Element | null | undefined) => (el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : 'nothing');
/** GET /v1/rooms/vertrieb requests the fake service saw (the room's status). */
const statusRequests = (f: { service: { requests: Array<{ method: string; path: string }> } }) => f.service.requests.filter((r) => r.method === 'GET' && r.path === '/v1/rooms/vertrieb').length;
const controlIds = (root: ParentNode) => deepAll<HTMLButtonElement>(root, '.controls > button, .more-wrap > button').map((b) => b.className.split(' ')[0]);

describe('<timio-conference>', () => {
  it('pre-join: a moderator confirms, joins as moderator; header, count, controls in the manual order', async () => {
    const present = [{ identity: 'ben', name: 'Ben Müller', guest: false, moderator: false, joinedAt: new Date(Date.now() - 65_000).toISOString() }];
    const f = await setup({ moderators: ['anna'], present });
    void f.el.join({ prejoin: true });
    await waitUntil(() => deep(f.root, '.join-moderator'), 'pre-join with the moderator confirmation');
    expect(text(f.root, '.moderator')).to.contain('Bestätigen Sie ggf., dass Sie Moderator im entsprechenden Raum sind.');
    await expect(f.el).to.be.accessible();
    const joined = oneEvent(f.el, 'timio-conference-joined');
    deep<HTMLButtonElement>(f.root, '.join-moderator')!.click();
    await waitUntil(() => f.sessions.length === 1, 'session created');
    expect(f.room.tokens.map((x) => x.role)).to.deep.equal(['member', 'moderator']);
    expect(f.session().started).to.include({ camera: true, microphone: true });
    f.session().put({ identity: 'ben', name: 'Ben Müller' });
    f.session().local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false });
    f.session().connection.set({ phase: 'connected' });
    expect((await joined).detail).to.deep.equal({ room: 'vertrieb', moderator: true });
    await waitUntil(() => text(f.root, '.present') === '2 Personen anwesend', 'count');
    await settled(f.el);
    expect(text(f.root, '.room-name')).to.equal('Vertrieb');
    expect(text(f.root, '.running')).to.match(/läuft seit 1:0\d/);
    expect(controlIds(f.root)).to.deep.equal(['leave', 'mic', 'camera', 'screen', 'chat', 'hand', 'participants', 'layout', 'settings', 'end']);
    const labels = deepAll<HTMLButtonElement>(f.root, '.controls > button').map((b) => b.getAttribute('aria-label'));
    expect(labels).to.deep.equal(['Konferenz verlassen', 'Mikro aus', 'Kamera aus', 'Bildschirmfreigabe', 'Chat öffnen', 'Hand heben', 'Anwesende Teilnehmer', 'Sprecheransicht', 'Weitere Einstellungen', 'Konferenz beenden']);
    await expect(f.el).to.be.accessible();
  });

  it('a member without moderator rights gets no confirmation and no "Konferenz beenden"', async () => {
    const f = await setup({ lang: 'en' });
    void f.el.join({ prejoin: true });
    await waitUntil(() => deep(f.root, '.join'), 'plain join button');
    expect(deep(f.root, '.moderator')).to.equal(null);
    deep<HTMLButtonElement>(f.root, '.join')!.click();
    await waitUntil(() => f.sessions.length === 1);
    f.session().connection.set({ phase: 'connected' });
    await settled(f.el);
    expect(controlIds(f.root)).to.not.include('end');
    expect(deep(f.root, '.leave')!.getAttribute('aria-label')).to.equal('Leave conference');
  });

  it('from the invitation (no pre-join) a moderator confirms inside the conference, then may end it for everyone', async () => {
    const f = await setup({ moderators: ['anna'] });
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1, 'joined at once');
    f.session().connection.set({ phase: 'connected' });
    await waitUntil(() => deep(f.root, '.confirm-moderator'), 'notice inside the conference');
    expect(text(f.root, '.moderator-notice')).to.contain('Bestätigen Sie ggf., dass Sie Moderator im entsprechenden Raum sind.');
    expect(controlIds(f.root)).to.not.include('end');
    deep<HTMLButtonElement>(f.root, '.confirm-moderator')!.click();
    await waitUntil(() => controlIds(f.root).includes('end'), 'moderator controls');
    // The running connection keeps its token: the service marks the participant (POST …/moderator).
    expect(f.room.tokens.map((x) => x.role)).to.deep.equal(['member']);
    expect(f.room.confirmedModerator).to.equal(1);
    deep<HTMLButtonElement>(f.root, '.end')!.click();
    await waitUntil(() => deep(f.root, '.end-dialog'), 'confirmation');
    expect(f.root.activeElement?.className).to.contain('cancel-end');
    await expect(f.el).to.be.accessible();
    deep<HTMLButtonElement>(f.root, '.confirm-end')!.click();
    await waitUntil(() => f.room.ended, 'POST end');
    const ended = oneEvent(f.el, 'timio-conference-ended');
    f.session().connection.set({ phase: 'disconnected', reason: 'room_ended' });
    expect((await ended).detail.room).to.equal('vertrieb');
    await waitUntil(() => text(f.root, '.ended') !== '');
    expect(text(f.root, '.ended [role="status"]')).to.equal('Sie haben die Konferenz für alle beendet.');
    expect(f.session().calls).to.include('leave');
    await expect(f.el).to.be.accessible();
  });

  it('controls: mic, camera, screen, hand, layout call the session; leave ends with "left"', async () => {
    const f = await setup();
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    const s = f.session();
    s.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false, camera: canvasTrack() });
    s.connection.set({ phase: 'connected' });
    await settled(f.el);
    for (const id of ['mic', 'camera', 'screen', 'hand']) deep<HTMLButtonElement>(f.root, `.controls .${id}`)!.click();
    expect(s.calls.filter((c) => c !== 'connect' && c !== 'refresh')).to.deep.equal(['mic:false', 'camera:false', 'screen:true', 'hand:true']);
    const stage = deep(f.root, 'timio-conference-stage') as HTMLElement & { layout: string };
    expect(stage.layout).to.equal('tiles');
    deep<HTMLButtonElement>(f.root, '.controls .layout')!.click();
    await settled(f.el);
    expect(stage.layout).to.equal('speaker');
    // Keyboard: the shortcut M toggles the microphone from anywhere in the view.
    f.root.querySelector('.conference')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, composed: true }));
    expect(s.calls.at(-1)).to.equal('mic:false');
    const left = oneEvent(f.el, 'timio-conference-left');
    deep<HTMLButtonElement>(f.root, '.controls .leave')!.click();
    expect((await left).detail).to.deep.equal({ room: 'vertrieb', reason: 'left' });
    await settled(f.el);
    expect(text(f.root, '.ended [role="status"]')).to.equal('Sie haben die Konferenz verlassen.');
    deep<HTMLButtonElement>(f.root, '.rejoin')!.click();
    await waitUntil(() => deep(f.root, 'timio-conference-prejoin'), 'pre-join again');
  });

  it('join and leave notices (aria-live), a raised hand as a silent notice and host event, reconnecting', async () => {
    const f = await setup();
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    const s = f.session();
    s.connection.set({ phase: 'connected' });
    await settled(f.el);
    s.put({ identity: 'ben', name: 'Ben Müller' });
    await waitUntil(() => text(f.root, '.notices').includes('Ben Müller ist beigetreten.'), 'join notice');
    expect(f.root.querySelector('.notices')!.getAttribute('aria-live')).to.equal('polite');
    const hand = oneEvent(f.el, 'timio-conference-hand-raised');
    s.put({ identity: 'ben', name: 'Ben Müller', handRaisedAt: '2026-11-26T10:00:00.000Z' });
    expect((await hand).detail).to.include({ identity: 'ben', raised: true });
    await waitUntil(() => text(f.root, '.notices').includes('Ben Müller hebt die Hand.'), 'hand notice');
    s.put({ identity: 'carla', name: 'Carla Weiß', quality: 'lost' });
    s.participants.set(s.participants.value.filter((p) => p.identity !== 'carla'));
    await waitUntil(() => text(f.root, '.notices').includes('Die Verbindung zu Carla Weiß ist abgebrochen.'), 'dropped notice');
    s.connection.set({ phase: 'reconnecting' });
    await waitUntil(() => text(f.root, '.overlay[data-state="reconnecting"]').includes('Verbindung unterbrochen'), 'reconnecting');
  });

  it('joining: the people already in the room make no "ist beigetreten", only those who come after', async () => {
    const f = await setup();
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    const s = f.session();
    // As the real session does: someone known while connecting, everyone else right with `connected`.
    s.put({ identity: 'ben', name: 'Ben Müller' });
    s.connection.set({ phase: 'connected' });
    s.put({ identity: 'carla', name: 'Carla Rossi' });
    await settled(f.el);
    await waitUntil(() => text(f.root, '.present') === '3 Personen anwesend', 'three present');
    expect(text(f.root, '.notices')).to.equal('');
    s.put({ identity: 'dora', name: 'Dora Neu' });
    await waitUntil(() => text(f.root, '.notices').includes('Dora Neu ist beigetreten.'), 'join notice for who came after');
    expect(text(f.root, '.notices')).to.not.include('Ben Müller');
    expect(text(f.root, '.notices')).to.not.include('Carla Rossi');
  });

  it('resumes the tab\'s conference after a page change: no pre-join, media and role as they were, `resumed`, nothing already known is news again; one status request names the room and dates the meeting', async () => {
    const present = [{ identity: 'ben', name: 'Ben Müller', guest: false, moderator: false, joinedAt: new Date(Date.now() - 5 * 60_000).toISOString() }];
    const f = await setup({ moderators: ['anna'], present });
    const kept: ResumableConference[] = [];
    const cleared: string[] = [];
    f.el.resumeStore = { save: (state) => kept.push(state), clear: (room) => cleared.push(room) };
    const heard: string[] = [];
    for (const type of ['joined', 'resumed', 'left', 'hand-raised', 'chat-message'] as const) f.el.addEventListener(`timio-conference-${type}`, () => heard.push(type));
    const seenAt = Date.parse('2026-11-26T10:00:00.000Z');
    // The previous page did not know the room's name: the status answer brings it.
    void f.el.join({ prejoin: false, resume: { room: 'vertrieb', camera: false, microphone: true, moderator: true, chatSeenAt: seenAt } });
    await waitUntil(() => f.sessions.length === 1, 'joined at once');
    expect(deep(f.root, 'timio-conference-prejoin')).to.equal(null);
    expect(f.room.tokens.map((x) => x.role)).to.deep.equal(['moderator']);
    const s = f.session();
    expect(s.started).to.include({ camera: false, microphone: true });
    // Everyone present (Ben with his hand up) and the chat seen before the change arrive with the connection.
    s.connection.set({ phase: 'connected' });
    s.put({ identity: 'ben', name: 'Ben Müller', handRaisedAt: '2026-11-26T09:59:00.000Z' });
    const from = { identity: 'ben', name: 'Ben Müller' };
    s.chat.set([{ id: 'm1', from: from.identity, fromName: from.name, mine: false, at: seenAt, text: 'Vorher' }]);
    s.local.set({ cameraOn: false, micOn: true, screenSharing: false, busy: false, audioBlocked: false });
    await waitUntil(() => kept.length > 0, 'the tab keeps the conference');
    expect(kept.at(-1)).to.include({ room: 'vertrieb', camera: false, microphone: true, moderator: true, chatSeenAt: seenAt });
    await waitUntil(() => controlIds(f.root).includes('end'), 'moderator controls');
    await settled(f.el);
    expect(heard).to.deep.equal(['resumed']);
    expect(text(f.root, '.room-name')).to.equal('Vertrieb');
    expect(text(f.root, '.running'), 'the meeting\'s time, not the page\'s').to.match(/läuft seit 5:\d\d/);
    expect(text(f.root, '.notices')).to.equal('');
    expect(deep(f.root, '.chat .badge')).to.equal(null);
    // What happens after the change is news as always.
    s.chat.set([...s.chat.value, { id: 'm2', from: from.identity, fromName: from.name, mine: false, at: seenAt + 60_000, text: 'Nachher' }]);
    s.put({ identity: 'carla', name: 'Carla Rossi' });
    await waitUntil(() => text(f.root, '.notices').includes('Carla Rossi ist beigetreten.'), 'join notice');
    expect(heard).to.deep.equal(['resumed', 'chat-message']);
    // Leaving for good: the tab holds nothing any more.
    await f.el.leave();
    expect(cleared).to.deep.equal(['vertrieb']);
    expect(heard).to.deep.equal(['resumed', 'chat-message', 'left']);
    expect(statusRequests(f), 'GET /v1/rooms/vertrieb during the resume').to.equal(1);
  });

  it('a moderator ended the meeting during the page change: the next page shows it ended and starts no new one', async () => {
    const f = await setup();
    const cleared: string[] = [];
    f.el.resumeStore = { save: () => undefined, clear: (room) => cleared.push(room) };
    f.room.ended = true;
    const heard: string[] = [];
    for (const type of ['joined', 'resumed', 'ended', 'left'] as const) f.el.addEventListener(`timio-conference-${type}`, () => heard.push(type));
    // No name kept: the one status answer gives both the name and `ended`.
    void f.el.join({ prejoin: false, resume: { room: 'vertrieb', camera: true, microphone: true, moderator: false } });
    await waitUntil(() => text(f.root, '.ended [role="status"]') !== '', 'the ended view');
    expect(text(f.root, '.ended [role="status"]')).to.equal('Die Konferenz wurde vom Moderator beendet.');
    expect(f.sessions.length).to.equal(0);
    expect(heard).to.deep.equal(['ended']);
    expect(cleared).to.deep.equal(['vertrieb']);
    await waitUntil(() => text(f.root, '.ended .room-name') === 'Vertrieb', 'the room\'s name from the status');
    expect(statusRequests(f), 'GET /v1/rooms/vertrieb during the resume').to.equal(1);
    await expect(f.el).to.be.accessible();
  });

  it('a person reconnecting after a page change: their tile says so, the count stays', async () => {
    const f = await setup();
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    const s = f.session();
    s.connection.set({ phase: 'connected' });
    s.put({ identity: 'ben', name: 'Ben Müller', reconnecting: true, quality: 'good' });
    const tile = await waitUntil(() => deep(f.root, 'timio-video-tile[data-key="ben:camera"]')?.shadowRoot, 'his tile');
    await waitUntil(() => tile.querySelector('[part="reconnecting"]'), 'reconnecting on his tile');
    expect(text(tile, '[part="reconnecting"]')).to.equal('Die Verbindung zu Ben Müller wird wiederhergestellt …');
    expect(tile.querySelector('[data-badge="quality-lost"]')).to.not.equal(null);
    expect(text(f.root, '.present')).to.equal('2 Personen anwesend');
    await expect(f.el).to.be.accessible();
  });

  for (const [locale, sentence] of [['de', 'Es gibt keinen Bildschirm, der geteilt werden kann.'], ['en', 'There is no screen to share.']] as const) {
    it(`a media problem (${locale}) sits between the stage and the control bar and covers no tile`, async () => {
      const f = await setup({ lang: locale });
      void f.el.join({ prejoin: false });
      await waitUntil(() => f.sessions.length === 1);
      const s = f.session();
      s.connection.set({ phase: 'connected' });
      s.put({ identity: 'ben', name: 'Ben Müller', camera: { sid: 'B', muted: false, track: canvasTrack() }, microphone: { sid: 'M', muted: false } });
      s.put({ identity: 'carla', name: 'Carla Rossi', camera: { sid: 'C', muted: false, track: canvasTrack() } });
      await waitUntil(() => deepAll(f.root, 'timio-video-tile').length >= 3, 'three tiles');
      s.problems.set([{ source: 'screen', failure: 'no_device' }]);
      const notice = await waitUntil(() => deep<HTMLElement>(f.root, '[data-problem="screen-no_device"]'), 'the notice');
      expect(notice.textContent?.trim()).to.equal(sentence);
      await settled(f.el);
      const box = notice.getBoundingClientRect();
      expect(box.height, 'shown').to.be.greaterThan(20);
      // The stage lays its tiles out again for the space left (a ResizeObserver, a frame or more later
      // on a busy machine): the tiles end up clear of the notice.
      const covered = () => deepAll<HTMLElement>(f.root, 'timio-video-tile').map((tile) => {
        const r = tile.getBoundingClientRect();
        const overlap = Math.min(box.right, r.right) - Math.max(box.left, r.left) > 0 && Math.min(box.bottom, r.bottom) - Math.max(box.top, r.top) > 0;
        return overlap ? `${describeEl(tile)} ${JSON.stringify(r)}` : '';
      }).filter(Boolean);
      await waitUntil(() => covered().length === 0, 'no tile under the notice').catch(() => {
        throw new Error(`the notice ${JSON.stringify(box)} covers ${covered().join(', ')}`);
      });
      expect(notice.getBoundingClientRect().top, 'the notice stayed where it was').to.equal(box.top);
      const bar = deep(f.root, 'timio-control-bar')!.getBoundingClientRect();
      expect(box.bottom, 'above the control bar').to.be.at.most(bar.top);
      await expect(f.el).to.be.accessible();
    });
  }

  it('at 375 px an open side panel covers the stage, never the control bar: every control stays on top and usable (axe)', async () => {
    const f = await setup({ width: 375, height: 480 });
    f.el.scrollIntoView({ block: 'start' });
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    const s = f.session();
    s.put({ identity: 'ben', name: 'Ben Müller' });
    s.local.set({ cameraOn: true, micOn: true, screenSharing: false, busy: false, audioBlocked: false });
    s.connection.set({ phase: 'connected' });
    await settled(f.el);
    const bar = f.root.querySelector('timio-control-bar')!;
    const barRoot = bar.shadowRoot!;
    /** Presses a control in the bar, or from the overflow menu when it did not fit (as a person at this width does). */
    const fromMenu = async (id: string) => {
      const direct = barRoot.querySelector<HTMLButtonElement>(`.controls > button.${id}`);
      if (direct) {
        expectOnTop(direct);
        direct.click();
        return;
      }
      barRoot.querySelector<HTMLButtonElement>('button.overflow')!.click();
      const item = await waitUntil(() => barRoot.querySelector<HTMLButtonElement>(`[part="overflow-menu"] .${id}`), `${id} in the menu`);
      expectOnTop(item);
      item.click();
    };
    /** What a pointer at the middle of `el` hits, through the shadow roots: `el` itself. */
    const expectOnTop = (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      expect(r.width * r.height, `${el.className} has a size`).to.be.greaterThan(0);
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      // Compared as names: a failed assertion on an element makes the test runner hang serialising it.
      const top = f.root.elementFromPoint(x, y);
      expect(describeEl(top), `${el.className}: the bar is on top`).to.equal('timio-control-bar');
      const hit = barRoot.elementFromPoint(x, y)?.closest('button');
      expect(hit === el ? 'the control' : describeEl(hit), `${el.className} is what a click hits`).to.equal('the control');
    };
    const hostBox = f.el.getBoundingClientRect();
    for (const panel of ['chat', 'participants'] as const) {
      await fromMenu(panel);
      const open = await waitUntil(() => f.root.querySelector<HTMLElement>('#panel'), `${panel} panel open`);
      await settled(f.el);
      const panelBox = open.getBoundingClientRect();
      const barBox = bar.getBoundingClientRect();
      expect(panelBox.width, 'the panel takes the whole width').to.be.closeTo(hostBox.width, 2);
      expect(barBox.bottom).to.be.at.most(hostBox.bottom + 1);
      expect(panelBox.bottom, 'the panel ends above the bar').to.be.at.most(barBox.top + 1);
      const buttons = [...barRoot.querySelectorAll<HTMLButtonElement>('.controls > button, button.overflow')];
      expect(buttons.map((b) => b.className.split(' ')[0])).to.include.members(['leave', 'overflow']);
      for (const b of buttons) expectOnTop(b);
      await expect(f.el).to.be.accessible();
      // Usable: the same control from the menu closes the panel again.
      await fromMenu(panel);
      await waitUntil(() => !f.root.querySelector('#panel'), `${panel} panel closed from the bar`);
    }
    // And the leave button, hit through the open panel's neighbourhood, leaves.
    await fromMenu('chat');
    await waitUntil(() => f.root.querySelector('#panel'));
    const left = oneEvent(f.el, 'timio-conference-left');
    const leave = barRoot.querySelector<HTMLButtonElement>('.controls > button.leave')!;
    expectOnTop(leave);
    leave.click();
    expect((await left).detail).to.deep.equal({ room: 'vertrieb', reason: 'left' });
  });

  it('a full room and a removal are readable messages', async () => {
    const f = await setup({ lang: 'en' });
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    const left = oneEvent(f.el, 'timio-conference-left');
    f.session().connection.set({ phase: 'disconnected', reason: 'failed', error: 'room is full' });
    expect((await left).detail.reason).to.equal('full');
    await settled(f.el);
    expect(text(f.root, '.ended [role="status"]')).to.equal('The conference room is full. Please try again later.');
    deep<HTMLButtonElement>(f.root, '.rejoin')!.click();
    await waitUntil(() => deep(f.root, '.join'));
    deep<HTMLButtonElement>(f.root, '.join')!.click();
    await waitUntil(() => f.sessions.length === 2);
    f.session().connection.set({ phase: 'connected' });
    f.session().connection.set({ phase: 'disconnected', reason: 'removed' });
    await waitUntil(() => text(f.root, '.ended [role="status"]') === 'The moderator removed you from the conference.');
  });

  it('chat="host": the chat button sends an event instead of opening the panel', async () => {
    const f = await setup({ chatMode: 'host' });
    void f.el.join({ prejoin: false });
    await waitUntil(() => f.sessions.length === 1);
    f.session().connection.set({ phase: 'connected' });
    await settled(f.el);
    const asked = oneEvent(f.el, 'timio-conference-chat-message');
    deep<HTMLButtonElement>(f.root, '.controls .chat')!.click();
    expect((await asked).detail).to.deep.equal({ room: 'vertrieb', open: true });
    await settled(f.el);
    expect(deep(f.root, 'timio-chat-panel')).to.equal(null);
  });

  it('at 375×667 every control stays reachable: leave and end pinned, the rest in a menu, targets ≥ 44 px', async () => {
    const f = await setup({ moderators: ['anna'], width: 375, height: 667 });
    void f.el.join({ prejoin: true });
    await waitUntil(() => deep(f.root, '.join-moderator'));
    for (const b of deepAll<HTMLButtonElement>(f.root, 'timio-conference-prejoin button')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
    deep<HTMLButtonElement>(f.root, '.join-moderator')!.click();
    await waitUntil(() => f.sessions.length === 1);
    f.session().connection.set({ phase: 'connected' });
    await waitUntil(() => deep(f.root, '.overflow'), 'overflow menu');
    const shown = controlIds(f.root);
    expect(shown[0]).to.equal('leave');
    expect(shown.at(-1)).to.equal('end');
    for (const b of deepAll<HTMLButtonElement>(f.root, '.controls > button, .more-wrap > button')) {
      const r = b.getBoundingClientRect();
      expect(r.width).to.be.at.least(44);
      expect(r.right).to.be.at.most(f.el.getBoundingClientRect().right + 1);
    }
    deep<HTMLButtonElement>(f.root, '.overflow')!.click();
    await settled(f.el);
    const items = deepAll<HTMLButtonElement>(f.root, '[role="menu"] button').map((b) => b.className);
    expect(shown.length - 1 + items.length).to.equal(10);
    await expect(f.el).to.be.accessible();
  });
});
