// <timio-room-bar> in Chromium with a realtime connection the test drives: live state, avatars
// with names for screen readers, the next meeting, "Teilnehmen" (event + conference opener),
// "Alle Mitglieder rufen" with its confirmation dialog, errors, both languages, and axe.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import type { RoomStatus } from '#protocol/realtime.js';
import type { OpenConferenceRequest } from '../../page/page-services.js';
import { FakeTokenService } from '../../../../testing/browser/fake-token-service.js';
import { fakeSignedInPage } from '../../../../testing/browser/fake-page.js';
import { TimioRoomBar, defineRoomBar } from './room-bar.js';

defineRoomBar();
const realtime = fakeSignedInPage('carla');
const opened: OpenConferenceRequest[] = [];
TimioRoomBar.openConference = async (request) => void opened.push(request);

const people = (names: string[]) => names.map((name, i) => ({ identity: `p${i}`, name, guest: false, moderator: i === 0 }));
const status = (patch: Partial<RoomStatus> = {}): RoomStatus => ({ id: 'vertrieb', name: 'Vertrieb', running: false, count: 0, participants: [], ...patch });
const running = (names: string[]) => status({ running: true, count: names.length, participants: people(names), startedAt: new Date().toISOString() });

const root = (el: TimioRoomBar) => el.shadowRoot!;
const text = (el: TimioRoomBar) => root(el).textContent!.replace(/\s+/g, ' ');
const button = (el: TimioRoomBar, part: string) => root(el).querySelector<HTMLButtonElement>(`button[part="${part}"]`)!;
/** The ring-all confirmation once open (it comes with its chunk, ring-all.ts, on the first press). */
const openDialog = (el: TimioRoomBar) =>
  waitUntil(() => {
    const dialog = root(el).querySelector('dialog');
    return dialog?.open ? dialog : undefined;
  }, 'the confirmation');

let service: FakeTokenService;

describe('<timio-room-bar>', () => {
  beforeEach(() => {
    service = new FakeTokenService().install();
    opened.length = 0;
    realtime.sendRoom('vertrieb', { status: status() });
  });
  afterEach(() => service.uninstall());

  it('watches its room while connected and shows that no meeting runs', async () => {
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="de"></timio-room-bar>`);
    expect(realtime.watchingRoom('vertrieb')).to.equal(1);
    expect(text(el)).to.contain('Keine laufende Besprechung');
    expect(el.running).to.equal(false);
    expect(root(el).querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Besprechung im Raum Vertrieb');
    await expect(el).to.be.accessible();
    el.remove();
    expect(realtime.watchingRoom('vertrieb')).to.equal(0);
  });

  it('follows the pushed status live: count, initials, names on hover and for screen readers', async () => {
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="de"></timio-room-bar>`);
    realtime.sendRoom('vertrieb', { status: running(['Anna Schmidt', 'Ben Müller', 'Carla Rossi']) });
    await waitUntil(() => el.running, 'running');
    expect(el.hasAttribute('running')).to.equal(true);
    expect(text(el)).to.contain('Besprechung läuft · 3 Personen');
    const items = [...root(el).querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('[aria-hidden="true"]')!.textContent)).to.deep.equal(['AS', 'BM', 'CR']);
    expect(items.map((li) => li.title)).to.deep.equal(['Anna Schmidt', 'Ben Müller', 'Carla Rossi']);
    expect(items.map((li) => li.querySelector('.sr-only')!.textContent)).to.deep.equal(['Anna Schmidt', 'Ben Müller', 'Carla Rossi']);
    expect(root(el).querySelector('ul')!.getAttribute('aria-label')).to.equal('In der Besprechung');
    await expect(el).to.be.accessible();

    realtime.sendRoom('vertrieb', { status: running(['Anna Schmidt', 'Carla Rossi']) });
    await waitUntil(() => text(el).includes('2 Personen'), 'count 3 → 2');
    realtime.sendRoom('vertrieb', { status: running(['A A', 'B B', 'C C', 'D D', 'E E', 'F F', 'G G']) });
    await waitUntil(() => root(el).querySelectorAll('li').length === 6, 'five avatars and +2');
    const more = root(el).querySelector('li.more')!;
    expect(more.textContent!.replace(/\s+/g, '')).to.contain('+2');
    expect(more.getAttribute('title')).to.equal('F F, G G');
    expect(more.querySelector('.sr-only')!.textContent).to.equal('und 2 weitere');
    realtime.sendRoom('vertrieb', { status: status() });
    await waitUntil(() => !el.running, 'the meeting ended');
    expect(root(el).querySelector('ul')).to.equal(null);
  });

  it('shows when the next scheduled meeting starts while none runs, live, in German and English', async () => {
    const at = (days: number, h: number, m: number) => { const d = new Date(); d.setDate(d.getDate() + days); d.setHours(h, m, 0, 0); return d.toISOString(); };
    realtime.sendRoom('vertrieb', { status: status({ nextMeeting: { title: 'Angebot Müller', startsAt: at(0, 14, 0), durationMinutes: 60 } }) });
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="de"></timio-room-bar>`);
    const next = () => root(el).querySelector('[part="next"]');
    expect(next()!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Nächste Besprechung: heute 14:00 · Angebot Müller');
    await expect(el).to.be.accessible();
    // A new frame (an invite made or withdrawn) changes it; no polling.
    realtime.sendRoom('vertrieb', { status: status({ nextMeeting: { title: 'Planung', startsAt: at(1, 9, 30), durationMinutes: 30 } }) });
    await waitUntil(() => next()?.textContent!.includes('morgen 09:30'), 'tomorrow');
    expect(next()!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Nächste Besprechung: morgen 09:30 · Planung');
    const en = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="en"></timio-room-bar>`);
    expect(root(en).querySelector('[part="next"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Next meeting: tomorrow 09:30 · Planung');
    await expect(en).to.be.accessible();
    // While a meeting runs the bar says that instead; with no invite left, nothing.
    realtime.sendRoom('vertrieb', { status: { ...running(['Anna Schmidt']), nextMeeting: { title: 'Planung', startsAt: at(1, 9, 30), durationMinutes: 30 } } });
    await waitUntil(() => el.running && !next(), 'hidden while running');
    realtime.sendRoom('vertrieb', { status: status() });
    await waitUntil(() => !el.running, 'ended');
    expect(next()).to.equal(null);
  });

  it('"Teilnehmen" asks the host first, then opens the conference with the pre-join', async () => {
    realtime.sendRoom('vertrieb', { status: running(['Anna Schmidt']) });
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="de"></timio-room-bar>`);
    const join = button(el, 'join');
    expect(join.textContent!.trim()).to.equal('Teilnehmen');
    setTimeout(() => join.click());
    const event = await oneEvent(el, 'timio-conference-request');
    expect(event.detail).to.deep.equal({ room: 'vertrieb', roomName: 'Vertrieb', prejoin: true });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await waitUntil(() => opened.length === 1, 'the conference opened');
    expect(opened[0]).to.deep.equal({ room: 'vertrieb', prejoin: true, roomName: 'Vertrieb' });

    // A host that prevents the request opens it its own way.
    el.addEventListener('timio-conference-request', (e) => e.preventDefault(), { once: true });
    join.click();
    await el.updateComplete;
    expect(opened).to.have.length(1);
  });

  for (const [lang, words] of [
    ['de', { start: 'Besprechung starten', join: 'Teilnehmen', here: 'In der Besprechung', show: 'Zur Besprechung', running: 'Besprechung läuft · 1 Person' }],
    ['en', { start: 'Start meeting', join: 'Join', here: 'In the meeting', show: 'Go to the meeting', running: 'Meeting running · 1 person' }],
  ] as const) {
    it(`(${lang}) the button says what it does: start a meeting, join the running one, or (in it) go to the conference`, async () => {
      const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang=${lang}></timio-room-bar>`);
      const join = button(el, 'join');
      const state = () => root(el).querySelector('.state [role="status"]')!.textContent!.trim();
      expect(join.textContent!.trim(), 'no meeting runs').to.equal(words.start);
      realtime.sendRoom('vertrieb', { status: running(['Anna Schmidt']) });
      await waitUntil(() => join.textContent!.trim() === words.join, 'a meeting runs: join it');
      // The page's conference for the room, far below the bar (a stand-in with its attributes).
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      const conference = document.createElement('timio-conference');
      conference.setAttribute('room', 'vertrieb');
      conference.setAttribute('phase', 'in');
      conference.style.cssText = 'display:block;height:200px';
      document.body.append(spacer, conference);
      const withCarla = status({ running: true, count: 2, participants: [...people(['Anna Schmidt']), { identity: 'carla', name: 'Carla Rossi', guest: false, moderator: false }] });
      try {
        // The service lists Carla (this page's person) in the meeting.
        realtime.sendRoom('vertrieb', { status: withCarla });
        await waitUntil(() => state() === words.here, 'in the meeting: the bar says so');
        expect(join.textContent!.trim()).to.equal(words.show);
        await expect(el).to.be.accessible();
          // It asks the page wiring as "Teilnehmen" does; openConference brings the open conference into
        // view (conference-seen.test.ts).
        join.click();
        await waitUntil(() => opened.length === 1, 'openConference');
        expect(opened[0]).to.deep.equal({ room: 'vertrieb', prejoin: true, roomName: 'Vertrieb' });
        // Left: back to joining the running meeting.
        conference.setAttribute('phase', 'ended');
        realtime.sendRoom('vertrieb', { status: running(['Anna Schmidt']) });
        await waitUntil(() => join.textContent!.trim() === words.join, 'left: join again');
        expect(state()).to.equal(words.running);
      } finally {
        spacer.remove();
        conference.remove();
        scrollTo(0, 0);
      }
    });
  }

  it('"Alle Mitglieder rufen" asks for confirmation; cancel rings nobody, confirm rings and opens the conference at once', async () => {
    service.on('POST /v1/rooms/vertrieb/ring', () => ({ status: 201, json: { ringId: 'r1', invited: ['anna', 'ben'] } }));
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="de"></timio-room-bar>`);
    const ring = button(el, 'ring');
    expect(ring.textContent!.trim()).to.equal('Alle Mitglieder rufen');
    ring.click();
    const dialog = await openDialog(el);
    expect(dialog.textContent).to.contain('Bestätigen Sie, dass Sie die Raummitglieder zu einer Besprechung rufen möchten');
    // Its styles came with it (ring-all.ts adds them to the bar's shadow root): the buttons sit in a row.
    expect(getComputedStyle(dialog.querySelector('.actions')!).display).to.equal('flex');
    expect(root(el).activeElement!.textContent!.trim()).to.equal('Abbrechen');
    await expect(el).to.be.accessible();

    // Escape cancels like "Abbrechen"; focus returns to the button.
    dialog.dispatchEvent(new Event('cancel'));
    dialog.close();
    // The dialog's close event comes as a task after close(): focus moves back then.
    await waitUntil(() => root(el).activeElement === ring, 'focus back on "Alle Mitglieder rufen"');
    expect(service.requests.filter((r) => r.method === 'POST'), 'nobody rung').to.have.length(0);

    ring.click();
    await waitUntil(() => dialog.open, 'the confirmation again');
    const confirm = [...dialog.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Bestätigen')!;
    confirm.click();
    const request = await waitUntil(() => service.requests.find((r) => r.method === 'POST' && r.path === '/v1/rooms/vertrieb/ring'), 'the ring');
    expect(request.authorization).to.equal('Bearer portal-token-carla');
    await waitUntil(() => opened.length === 1, 'the conference opened');
    expect(opened[0]).to.deep.equal({ room: 'vertrieb', prejoin: false, roomName: 'Vertrieb' });
    expect(text(el)).to.contain('2 Mitglieder werden gerufen.');
  });

  for (const lang of ['de', 'en'] as const) {
    const cases: Array<[string, Array<[string, string]>, string]> = lang === 'de'
      ? [['one', [['ben', 'Ben Müller']], 'Ben Müller wird gerufen.'],
        ['names', [['anna', 'Anna Schmidt'], ['ben', 'Ben Müller'], ['felix', 'Felix Wagner']], 'Anna Schmidt, Ben Müller und Felix Wagner werden gerufen.'],
        ['many', [['anna', 'Anna Schmidt'], ['ben', 'Ben Müller'], ['david', 'David Kim'], ['felix', 'Felix Wagner']], '4 Mitglieder werden gerufen.'],
        ['nobody', [], 'Gerade ist kein anderes Mitglied angemeldet.']]
      : [['one', [['ben', 'Ben Müller']], 'Ben Müller will be called.'],
        ['names', [['anna', 'Anna Schmidt'], ['ben', 'Ben Müller'], ['felix', 'Felix Wagner']], 'Anna Schmidt, Ben Müller and Felix Wagner will be called.'],
        ['many', [['anna', 'Anna Schmidt'], ['ben', 'Ben Müller'], ['david', 'David Kim'], ['felix', 'Felix Wagner']], '4 members will be called.'],
        ['nobody', [], 'No other member is signed in right now.']];
    for (const [what, members, says] of cases) {
      it(`the ring-all confirmation says who will be rung (${what}, ${lang})`, async () => {
        service.on('GET /v1/rooms/vertrieb/ring', () => ({ status: 200, json: { members: members.map(([id, name]) => ({ id, name })) } }));
        const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang=${lang}></timio-room-bar>`);
        button(el, 'ring').click();
        // It opens saying who (read with it by a screen reader), the safe choice focused.
        const dialog = await openDialog(el);
        expect(dialog.querySelector('#confirm-text')!.textContent!.trim()).to.equal(says);
        expect(root(el).activeElement!.textContent!.trim()).to.equal(lang === 'de' ? 'Abbrechen' : 'Cancel');
        expect(service.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal(['GET /v1/rooms/vertrieb/ring'], 'asked, nobody rung yet');
        await expect(el).to.be.accessible();
        dialog.close('cancel');
      });
    }
  }

  it('when the service cannot say who, the confirmation keeps its general question', async () => {
    service.on('GET /v1/rooms/vertrieb/ring', () => ({ status: 503, json: { error: { code: 'internal', message: 'down' } } }));
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="de"></timio-room-bar>`);
    button(el, 'ring').click();
    const dialog = await openDialog(el);
    expect(dialog.querySelector('#confirm-text')!.textContent).to.equal('Bestätigen Sie, dass Sie die Raummitglieder zu einer Besprechung rufen möchten.');
  });

  it('says why the ring failed and opens nothing', async () => {
    service.on('POST /v1/rooms/vertrieb/ring', () => ({ status: 429, json: { error: { code: 'rate_limited', message: 'slow down' } } }));
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="de"></timio-room-bar>`);
    button(el, 'ring').click();
    await waitUntil(() => root(el).querySelector('dialog')?.open, 'the confirmation');
    root(el).querySelector('dialog')!.close('confirm');
    await waitUntil(() => text(el).includes('Zu viele Anfragen'), 'the error message');
    expect(opened).to.have.length(0);
  });

  it('tells a non-member they are not in the room, with no buttons', async () => {
    realtime.sendRoom('geheim', { error: { code: 'not_a_member', message: 'no' } });
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="geheim" lang="de"></timio-room-bar>`);
    expect(text(el)).to.contain('Sie sind kein Mitglied dieses Raumes.');
    expect(root(el).querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('compact (room lists): only whether a meeting runs and how many', async () => {
    realtime.sendRoom('vertrieb', { status: running(['Anna Schmidt', 'Ben Müller']) });
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" compact lang="de"></timio-room-bar>`);
    expect(text(el).trim()).to.equal('Besprechung läuft · 2 Personen');
    expect(root(el).querySelector('button, ul, dialog')).to.equal(null);
    await expect(el).to.be.accessible();
    realtime.sendRoom('vertrieb', { status: status() });
    await waitUntil(() => text(el).includes('Keine laufende Besprechung'), 'idle');
  });

  it('speaks English', async () => {
    realtime.sendRoom('vertrieb', { status: running(['Anna Schmidt']) });
    const el = await fixture<TimioRoomBar>(html`<timio-room-bar room="vertrieb" lang="en"></timio-room-bar>`);
    expect(text(el)).to.contain('Meeting running · 1 person');
    expect(button(el, 'join').textContent!.trim()).to.equal('Join');
    expect(button(el, 'ring').textContent!.trim()).to.equal('Call all members');
    await expect(el).to.be.accessible();
  });
});
