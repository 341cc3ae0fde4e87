// <timio-guest-join> in Chromium against a token service the test answers: every state of the
// guest's way in (loading, before opening and opening by itself, open with the pre-filled name,
// camera check then waiting and admitted, turned away, removed, ended, expired, withdrawn, damaged and unknown links,
// a name a member has), in German and English, each checked with axe.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { GuestGrant, InviteInfo } from '#protocol/rest.js';
import { FakeTokenService, TEST_SERVICE } from '../../../../testing/browser/fake-token-service.js';
import { TimioGuestJoin, defineGuestJoin, type GuestJoinState } from './guest-join.js';
import type { GuestConferenceRequest } from './guest-conference.js';

defineGuestJoin();

const INVITE = 'eyJhbGciOiJIUzI1NiJ9.eyJyb29tIjoidmVydHJpZWIifQ.c2lnbmF0dXJl';
const minutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const info = (patch: Partial<InviteInfo> = {}): InviteInfo => ({
  room: 'vertrieb', title: 'Angebot Müller', startsAt: minutes(5), durationMinutes: 60, expiresAt: minutes(600), opensAt: minutes(-10), guestName: 'Maria Gast', ...patch,
});
const grant: GuestGrant = { state: 'admitted', token: 'lk-token', url: 'ws://media.test', identity: 'guest:abc', room: 'vertrieb', role: 'guest', name: 'Maria Gast', guestToken: 'guest-token' };

const opened: GuestConferenceRequest[] = [];
let conference: HTMLElement | undefined;
TimioGuestJoin.openConference = async (request) => {
  opened.push(request);
  conference = document.createElement('div');
  conference.textContent = 'conference';
  request.container.append(conference);
  return conference;
};

const text = (el: TimioGuestJoin) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const until = (el: TimioGuestJoin, state: GuestJoinState) => waitUntil(() => el.state === state, `state ${state} (now ${el.state})`, { timeout: 10_000 });
const mount = async (lang = 'de', invite = INVITE) => {
  const el = await fixture<TimioGuestJoin>(html`<timio-guest-join lang=${lang} service-url=${TEST_SERVICE} invite=${invite}></timio-guest-join>`);
  return el;
};
const nameField = (el: TimioGuestJoin) => el.shadowRoot!.querySelector<HTMLInputElement>('input[part="name"]')!;
const submit = (el: TimioGuestJoin) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="join"]')!.click();

let service: FakeTokenService;

/**
 * The page with the invite open, "Teilnehmen" pressed and its conference (the camera check) open;
 * `token` is what POST /v1/guest/token answers (default: let in).
 */
async function inCheck(lang = 'de', token: { status: number; json: unknown } = { status: 200, json: grant }) {
  service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
  service.on('POST /v1/guest/token', () => token);
  const el = await mount(lang);
  await until(el, 'open');
  submit(el);
  await waitUntil(() => conference !== undefined);
  return { el, check: conference! };
}

describe('<timio-guest-join>', () => {
  beforeEach(() => {
    service = new FakeTokenService().install();
    opened.length = 0;
    conference = undefined;
  });
  afterEach(() => service.uninstall());

  it('open: shows title and time, pre-fills the name, and an admitted guest goes to the conference', async () => {
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
    service.on('POST /v1/guest/token', () => ({ status: 200, json: grant }));
    const states: GuestJoinState[] = [];
    const el = await mount();
    el.addEventListener('timio-guest-state', (e) => states.push(e.detail.state));
    await until(el, 'open');
    expect(text(el)).to.contain('Einladung zur Videokonferenz');
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('Angebot Müller');
    expect(text(el)).to.match(/\d{1,2}:\d{2} bis \d{1,2}:\d{2}/);
    expect(nameField(el).value).to.equal('Maria Gast');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Ihr Name');
    await expect(el).to.be.accessible();
    expect((await service.next('/v1/invites/lookup')).body).to.deep.equal({ invite: INVITE });
    nameField(el).value = 'Maria G.';
    nameField(el).dispatchEvent(new Event('input'));
    submit(el);
    await until(el, 'conference');
    await waitUntil(() => opened.length === 1);
    const sent = service.requests.find((r) => r.path === '/v1/guest/token')!;
    expect(sent.body).to.deep.equal({ invite: INVITE, name: 'Maria G.' });
    expect(sent.authorization).to.equal(null);
    expect(await opened[0]!.grant).to.deep.equal(grant);
    expect(opened[0]!.title).to.equal('Angebot Müller');
    expect(states).to.include('joining');
  });

  it('before opening: a note with the opening time, then the form by itself', async () => {
    const opensAt = new Date(Date.now() + 2_500).toISOString();
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info({ opensAt }) }));
    const el = await mount();
    await until(el, 'early');
    expect(text(el)).to.contain('Die Konferenz hat noch nicht begonnen');
    const time = new Intl.DateTimeFormat('de-DE', { timeStyle: 'short' }).format(new Date(opensAt));
    expect(text(el)).to.contain(`Sie können ab`);
    expect(text(el)).to.contain(time);
    expect(nameField(el)).to.equal(null);
    await expect(el).to.be.accessible();
    await until(el, 'open');
    expect(nameField(el).value).to.equal('Maria Gast');
  });

  it('the service says not open yet (clocks differ): the note with its time', async () => {
    const opensAt = minutes(30);
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
    service.on('POST /v1/guest/token', () => ({ status: 403, json: { error: { code: 'not_open_yet', message: 'later', opensAt } } }));
    const el = await mount('en');
    await until(el, 'open');
    submit(el);
    await until(el, 'early');
    expect(text(el)).to.contain('The conference has not started yet');
    expect(text(el)).to.contain(new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' }).format(new Date(opensAt)));
  });

  it('waiting: camera check first, then the waiting room until the moderator admits, then straight in', async () => {
    let admit: (() => void) | undefined;
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
    service.on('POST /v1/guest/token', () => ({ status: 202, json: { state: 'waiting', identity: 'guest:abc', room: 'vertrieb', name: 'Maria Gast', reason: 'waiting_room', guestToken: 'guest-token' } }));
    service.on('POST /v1/guest/admission', () => new Promise((resolve) => {
      admit = () => resolve({ status: 200, json: grant });
    }));
    const states: GuestJoinState[] = [];
    const el = await mount();
    el.addEventListener('timio-guest-state', (e) => states.push(e.detail.state));
    await until(el, 'open');
    submit(el);
    // The conference (with its camera check) opens before any admission.
    await until(el, 'conference');
    await waitUntil(() => conference !== undefined);
    expect(opened[0]!.room).to.equal('vertrieb');
    expect(opened[0]!.guestToken).to.equal('guest-token');
    const check = conference!;
    expect(text(el)).not.to.contain('Bitte warten');
    // "Teilnehmen" in the check: not let in yet, so the waiting room.
    check.dispatchEvent(new CustomEvent('timio-prejoin-join', { bubbles: true, composed: true, detail: { choices: {}, moderator: false } }));
    await until(el, 'waiting');
    expect(text(el)).to.contain('Bitte warten');
    expect(text(el)).to.contain('Sie werden eingelassen, sobald der Moderator Sie einlässt.');
    // The conference stays in the page (hidden), keeping the guest's choices.
    expect(check.isConnected).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="conference"]')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();
    const poll = await service.next('/v1/guest/admission');
    expect(poll.authorization).to.equal('Bearer guest-token');
    await waitUntil(() => admit !== undefined);
    admit!();
    await until(el, 'conference');
    expect((await opened[0]!.grant).token).to.equal('lk-token');
    // The same conference, shown again: no second check.
    expect(opened.length).to.equal(1);
    expect(check.isConnected).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="conference"]')!.hidden).to.equal(false);
    expect(states).to.deep.equal(['open', 'joining', 'conference', 'waiting', 'conference']);
  });

  it('waiting: let in while still checking devices, "Teilnehmen" joins without the waiting room', async () => {
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
    service.on('POST /v1/guest/token', () => ({ status: 202, json: { state: 'waiting', identity: 'guest:abc', room: 'vertrieb', name: 'Maria Gast', reason: 'waiting_room', guestToken: 'guest-token' } }));
    service.on('POST /v1/guest/admission', () => ({ status: 200, json: grant }));
    const states: GuestJoinState[] = [];
    const el = await mount();
    el.addEventListener('timio-guest-state', (e) => states.push(e.detail.state));
    await until(el, 'open');
    submit(el);
    await waitUntil(() => conference !== undefined);
    expect((await opened[0]!.grant).token).to.equal('lk-token');
    conference!.dispatchEvent(new CustomEvent('timio-prejoin-join', { bubbles: true, composed: true, detail: { choices: {}, moderator: false } }));
    await el.updateComplete;
    expect(el.state).to.equal('conference');
    expect(states).to.deep.equal(['open', 'joining', 'conference']);
  });

  it('waiting for the meeting to begin (no moderator yet), in English; turned away', async () => {
    let answer = 0;
    let release: (() => void) | undefined;
    // The first poll is held (a long poll), answers "still waiting"; the second says "denied".
    service.on('POST /v1/guest/admission', () => (++answer === 1
      ? new Promise((resolve) => { release = () => resolve({ status: 200, json: { state: 'waiting', reason: 'no_moderator' } }); })
      : { status: 200, json: { state: 'denied' } }));
    const { el, check } = await inCheck('en', { status: 202, json: { state: 'waiting', identity: 'guest:abc', room: 'vertrieb', name: 'Maria Gast', reason: 'no_moderator', guestToken: 'guest-token' } });
    check.dispatchEvent(new CustomEvent('timio-prejoin-join', { bubbles: true, composed: true, detail: { choices: {}, moderator: false } }));
    await until(el, 'waiting');
    expect(text(el)).to.contain('You will be let in as soon as the conference begins.');
    await waitUntil(() => release !== undefined);
    release!();
    await until(el, 'denied');
    expect(answer).to.equal(2);
    expect(text(el)).to.contain('Not admitted');
    expect(text(el)).to.contain('The moderator did not admit you to this conference.');
    await expect(el).to.be.accessible();
    // The conference that waited for the admission is gone, and its grant refused.
    expect(check.isConnected).to.equal(false);
    let refused = false;
    await opened[0]!.grant.catch(() => { refused = true; });
    expect(refused).to.equal(true);
  });

  it('waiting behind a busy address: a 429 on the admission poll is retried quietly after the time the service names, de and en', async () => {
    // The page's own pause is a minute here: the test ends in time only if the page waits what the service says.
    TimioGuestJoin.retryMs = 60_000;
    for (const lang of ['de', 'en']) {
      let answer = 0;
      // Two refusals (a per-address one of 1 s, a per-user one of 0.05 s), then the moderator lets the guest in.
      service.on('POST /v1/guest/admission', () => (++answer === 1
        ? { status: 429, json: { error: { code: 'rate_limited', message: 'too many requests from this address; try again in 1 s', retryAfterSeconds: 1 } } }
        : answer === 2 ? { status: 429, json: { error: { code: 'rate_limited', message: 'asking too often', retryAfterSeconds: 0.05 } } }
          : { status: 200, json: grant }));
      opened.length = 0;
      conference = undefined;
      const { el, check } = await inCheck(lang, { status: 202, json: { state: 'waiting', identity: 'guest:abc', room: 'vertrieb', name: 'Maria Gast', reason: 'waiting_room', guestToken: 'guest-token' } });
      const states: GuestJoinState[] = [];
      el.addEventListener('timio-guest-state', (e) => states.push(e.detail.state));
      check.dispatchEvent(new CustomEvent('timio-prejoin-join', { bubbles: true, composed: true, detail: { choices: {}, moderator: false } }));
      expect((await opened[0]!.grant).token).to.equal('lk-token');
      expect(answer).to.equal(3);
      await until(el, 'conference');
      expect(states).to.not.include('error');
      expect(check.isConnected).to.equal(true);
      el.remove();
    }
    TimioGuestJoin.retryMs = 5_000;
  });

  it('the name hint says how the others see the guest, de and en', async () => {
    for (const [lang, hint] of [['de', 'So sehen die anderen Teilnehmenden Sie.'], ['en', 'This is how the others see you.']] as const) {
      service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
      const el = await mount(lang);
      await until(el, 'open');
      expect(el.shadowRoot!.querySelector('#hint')!.textContent).to.equal(hint);
      el.remove();
    }
  });

  it('removed during the meeting: the page says so; ended: the page says so', async () => {
    const { el, check } = await inCheck();
    check.dispatchEvent(new CustomEvent('timio-conference-left', { detail: { room: 'vertrieb', reason: 'removed' } }));
    await until(el, 'removed');
    expect(text(el)).to.contain('Sie wurden entfernt');
    expect(text(el)).to.contain('Dieser Link ist nicht mehr gültig.');
    await expect(el).to.be.accessible();

    const again = await mount('en');
    await until(again, 'open');
    submit(again);
    await waitUntil(() => opened.length === 2);
    conference!.dispatchEvent(new CustomEvent('timio-conference-ended', { detail: { room: 'vertrieb' } }));
    await until(again, 'ended');
    expect(text(again)).to.contain('Conference ended');
  });

  it('"Abbrechen" in the camera check: no blank page, the guest can join again', async () => {
    const { el, check: checked } = await inCheck();
    checked.dispatchEvent(new CustomEvent('timio-conference-close', { bubbles: true, composed: true, detail: { room: 'vertrieb' } }));
    await until(el, 'left');
    expect(checked.isConnected).to.equal(false);
    expect(text(el)).to.contain('Sie können über denselben Link wieder teilnehmen.');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="join"]')!.click();
    await until(el, 'open');
  });

  for (const [where, lang] of [['waiting room', 'de'], ['camera check', 'en']] as const) {
    it(`a waiting guest's "Abbrechen" in the ${where} (${lang}): the admission poll stops, the service is told at once, no blank page`, async () => {
      service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
      service.on('POST /v1/guest/token', () => ({ status: 202, json: { state: 'waiting', identity: 'guest:abc', room: 'vertrieb', name: 'Maria Gast', reason: 'waiting_room', guestToken: 'guest-token' } }));
      // A long poll the moderator never answers.
      service.on('POST /v1/guest/admission', () => new Promise(() => undefined));
      service.on('POST /v1/guest/leave', () => ({ status: 200, json: { identity: 'guest:abc', left: true } }));
      const states: GuestJoinState[] = [];
      const el = await mount(lang);
      el.addEventListener('timio-guest-state', (e) => states.push(e.detail.state));
      await until(el, 'open');
      submit(el);
      await waitUntil(() => conference !== undefined);
      const check = conference!;
      const poll = await service.next('/v1/guest/admission');
      if (where === 'waiting room') {
        check.dispatchEvent(new CustomEvent('timio-prejoin-join', { bubbles: true, composed: true, detail: { choices: {}, moderator: false } }));
        await until(el, 'waiting');
        const cancel = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="cancel"]')!;
        expect(cancel.textContent).to.equal(lang === 'de' ? 'Abbrechen' : 'Cancel');
        await expect(el).to.be.accessible();
        cancel.click();
      } else {
        check.dispatchEvent(new CustomEvent('timio-conference-close', { bubbles: true, composed: true, detail: { room: 'vertrieb' } }));
      }
      await until(el, 'left');
      const leave = await service.next('/v1/guest/leave');
      expect(leave.authorization).to.equal('Bearer guest-token');
      expect(poll.aborted).to.equal(true);
      expect(check.isConnected).to.equal(false);
      expect(text(el)).to.contain(lang === 'de' ? 'Sie haben die Konferenz verlassen' : 'You left the conference');
      // No error page from the stopped poll, and no further poll.
      await el.updateComplete;
      expect(el.state).to.equal('left');
      expect(service.requests.filter((r) => r.path === '/v1/guest/admission').length).to.equal(1);
      expect(states.at(-1)).to.equal('left');
    });
  }

  it('a guest let in who leaves the check says no waiting-room goodbye', async () => {
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
    service.on('POST /v1/guest/token', () => ({ status: 200, json: grant }));
    const el = await mount();
    await until(el, 'open');
    submit(el);
    await waitUntil(() => conference !== undefined);
    conference!.dispatchEvent(new CustomEvent('timio-conference-close', { bubbles: true, composed: true, detail: { room: 'vertrieb' } }));
    await until(el, 'left');
    expect(service.requests.some((r) => r.path === '/v1/guest/leave')).to.equal(false);
  });

  for (const [code, status, state, de, en] of [
    ['invite_expired', 410, 'expired', 'Einladung abgelaufen', 'Invitation expired'],
    ['invite_revoked', 410, 'revoked', 'Einladung zurückgezogen', 'Invitation withdrawn'],
    ['not_found', 404, 'unknown', 'Einladung nicht gefunden', 'Invitation not found'],
  ] as const) {
    it(`${state}: a readable page in German and English`, async () => {
      service.on('POST /v1/invites/lookup', () => ({ status, json: { error: { code, message: 'x' } } }));
      const el = await mount('de');
      await until(el, state);
      expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal(de);
      await expect(el).to.be.accessible();
      const english = await mount('en');
      await until(english, state);
      expect(english.shadowRoot!.querySelector('h1')!.textContent).to.equal(en);
    });
  }

  it('malformed: a damaged or missing link never reaches the service', async () => {
    const el = await mount('de', 'not-a-token');
    await until(el, 'malformed');
    expect(text(el)).to.contain('Link unvollständig');
    await expect(el).to.be.accessible();
    const fromHash = await fixture<TimioGuestJoin>(html`<timio-guest-join lang="en" service-url=${TEST_SERVICE}></timio-guest-join>`);
    await until(fromHash, 'malformed'); // the test page's URL has no #invite=
    expect(text(fromHash)).to.contain('Incomplete link');
    expect(service.requests.length).to.equal(0);
  });

  it('reads the invite from the page\'s #invite=', async () => {
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info() }));
    const before = location.hash;
    location.hash = `#invite=${INVITE}`;
    try {
      const el = await fixture<TimioGuestJoin>(html`<timio-guest-join lang="de" service-url=${TEST_SERVICE}></timio-guest-join>`);
      await until(el, 'open');
      expect((await service.next('/v1/invites/lookup')).body).to.deep.equal({ invite: INVITE });
    } finally {
      location.hash = before;
    }
  });

  it('a name that claims a role: the form says why and stays', async () => {
    service.on('POST /v1/invites/lookup', () => ({ status: 200, json: info({ guestName: undefined }) }));
    service.on('POST /v1/guest/token', () => ({ status: 409, json: { error: { code: 'name_taken', message: 'x' } } }));
    const el = await mount();
    await until(el, 'open');
    expect(nameField(el).value).to.equal('');
    nameField(el).value = 'Anna Schmidt (Moderator)';
    nameField(el).dispatchEvent(new Event('input'));
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the problem is shown');
    expect(el.state).to.equal('open');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('Bitte nur Ihren Namen, ohne Rollen wie „Moderator“.');
    expect(nameField(el).getAttribute('aria-describedby')).to.equal('hint problem');
    await expect(el).to.be.accessible();
  });
});
