// <timio-invite-dialog> in Chromium against a token service the test answers: defaults (room name,
// now, 60 minutes), creating a guest link with the inviter's language and time zone, "Link
// kopieren" (clipboard, and the selected visible link where it is refused), "Per E-Mail senden",
// "Kalendereintrag" with the moderator's credentials, the open invites and withdrawing one, the
// colleagues' link only when the host gives it, focus back to the opener, English, and axe.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CreatedInvite } from '#protocol/rest.js';
import { TokenServiceClient } from '../../../api/token-service-client.js';
import { portalCredentials } from '../../../api/credentials.js';
import { FakeTokenService, TEST_SERVICE } from '../../../../../testing/browser/fake-token-service.js';
import { define } from '../../parts/define.js';
import { TimioInviteDialog } from './invite-dialog.component.js';
import { inviteApi } from './invite-api.js';

define('timio-invite-dialog', TimioInviteDialog);

const rest = new TokenServiceClient({ baseUrl: TEST_SERVICE, credentials: portalCredentials(async () => 'portal-token-anna') });
const api = inviteApi(rest, 'vertrieb');
const made = (patch: Partial<CreatedInvite> = {}): CreatedInvite => ({
  id: '11111111-1111-4111-8111-111111111111', invite: 'a.b.c', url: 'http://portal.test/guest#invite=a.b.c', title: 'Vertrieb',
  startsAt: new Date().toISOString(), durationMinutes: 60, expiresAt: new Date(Date.now() + 86400_000).toISOString(),
  guestName: 'Maria Gast', email: 'maria@example.com', waitingRoom: false, mailto: 'mailto:maria@example.com?subject=Einladung%3A%20Vertrieb&body=x', ...patch,
});

const root = (el: TimioInviteDialog) => el.shadowRoot!;
const $ = <T extends Element>(el: TimioInviteDialog, selector: string) => root(el).querySelector<T>(selector)!;
const field = (el: TimioInviteDialog, name: string) => $<HTMLInputElement>(el, `input[name="${name}"]`);
const type = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

let service: FakeTokenService;
let open: CreatedInvite[];

describe('<timio-invite-dialog>', () => {
  beforeEach(() => {
    open = [];
    service = new FakeTokenService().install();
    service.on('GET /v1/rooms/vertrieb/invites', () => ({ status: 200, json: { invites: open.map(({ invite: _i, ...rest }) => rest) } }));
    service.on('POST /v1/rooms/vertrieb/invites', (body) => {
      const created = made({ guestName: body.guestName, title: body.title, startsAt: body.startsAt });
      open.push(created);
      return { status: 201, json: created };
    });
  });
  afterEach(() => service.uninstall());

  async function shown(lang = 'de', roomUrl = '') {
    const el = await fixture<TimioInviteDialog>(html`<timio-invite-dialog lang=${lang} room-name="Vertrieb" room-url=${roomUrl} .api=${api}></timio-invite-dialog>`);
    await el.show();
    return el;
  }

  it('opens with the defaults, creates a guest link in the inviter\'s language and time zone', async () => {
    const before = Date.now();
    const el = await shown();
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(true);
    expect($(el, 'h2').textContent).to.equal('Person einladen');
    expect(field(el, 'title').value).to.equal('Vertrieb');
    expect(field(el, 'duration').value).to.equal('60');
    const start = new Date(`${field(el, 'date').value}T${field(el, 'time').value}`).getTime();
    expect(Math.abs(start - before)).to.be.below(2 * 60_000, 'date and time default to now');
    expect($(el, 'fieldset.colleagues')).to.equal(null, 'no colleagues\' link without room-url');
    expect(root(el).textContent).to.contain('Keine offenen Einladungen.');
    await expect(el).to.be.accessible();

    type(field(el, 'guestName'), 'Maria Gast');
    type(field(el, 'email'), 'maria@example.com');
    $<HTMLButtonElement>(el, 'button.create').click();
    const sent = await service.next(/\/v1\/rooms\/vertrieb\/invites$/);
    await waitUntil(() => $(el, '.created'), 'the created link is shown');
    const post = service.requests.find((r) => r.method === 'POST')!;
    expect(post.authorization).to.equal('Bearer portal-token-anna');
    expect(post.body).to.deep.include({ title: 'Vertrieb', durationMinutes: 60, guestName: 'Maria Gast', email: 'maria@example.com', lang: 'de', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    expect(Math.abs(Date.parse((post.body as { startsAt: string }).startsAt) - start)).to.be.below(1000);
    void sent;
    expect($<HTMLInputElement>(el, '.created input.link').value).to.equal('http://portal.test/guest#invite=a.b.c');
    expect($(el, '[role="status"]').textContent).to.equal('Link für Maria Gast erstellt.');
    await waitUntil(() => root(el).querySelectorAll('li[data-invite]').length === 1, 'the open invites list it');
    // One set of actions: the new invite's are in the list (marked new), not once more above it.
    expect(root(el).querySelectorAll('a.mail').length).to.equal(1);
    expect($<HTMLAnchorElement>(el, 'li.new a.mail').getAttribute('href')).to.equal(made().mailto);
    expect(post.body).not.to.have.property('waitingRoom');
    await expect(el).to.be.accessible();

    // A guest who should wait for a moderator even while one is in the meeting.
    const wait = field(el, 'waitingRoom');
    expect(wait.closest('label')!.textContent).to.contain('Gast wartet, bis ein Moderator ihn einlässt');
    type(field(el, 'guestName'), 'Jonas Gast');
    wait.click();
    $<HTMLButtonElement>(el, 'button.create').click();
    await waitUntil(() => service.requests.filter((r) => r.method === 'POST').length === 2, 'the second invite is requested');
    expect(service.requests.filter((r) => r.method === 'POST')[1]!.body).to.deep.include({ guestName: 'Jonas Gast', waitingRoom: true });
    await waitUntil(() => !field(el, 'waitingRoom').checked, 'the box is cleared for the next guest');
  });

  for (const [lang, strings] of [
    ['de', { now: 'Diese Konferenz (jetzt)', hint: 'Der Link gilt ab sofort für diese Konferenz.', language: 'Sprache der Einladung' }],
    ['en', { now: 'This conference (now)', hint: 'The link is valid from now for this conference.', language: 'Language of the invitation' }],
  ] as const) {
    it(`a running meeting: only the guest's name (and language), valid from now; the appointment only for later (${lang})`, async () => {
      const el = await fixture<TimioInviteDialog>(html`<timio-invite-dialog running lang=${lang} room-name="Vertrieb" .api=${api}></timio-invite-dialog>`);
      await el.show();
      const now = root(el).querySelector<HTMLInputElement>('input[name="when"][value="now"]')!;
      expect(now.checked).to.equal(true);
      expect(now.closest('label')!.textContent).to.contain(strings.now);
      expect(root(el).textContent).to.contain(strings.hint);
      for (const name of ['title', 'date', 'time', 'duration']) expect(root(el).querySelector(`[name="${name}"]`), name).to.equal(null);
      const lang_ = root(el).querySelector<HTMLSelectElement>('select[name="lang"]')!;
      expect(lang_.closest('label')!.textContent).to.contain(strings.language);
      expect(lang_.value).to.equal(lang);
      await expect(el).to.be.accessible();
      lang_.value = lang === 'de' ? 'en' : 'de';
      const before = Date.now();
      type(field(el, 'guestName'), 'Maria Gast');
      $<HTMLButtonElement>(el, 'button.create').click();
      await waitUntil(() => service.requests.some((r) => r.method === 'POST'), 'the invite is requested');
      const body = service.requests.find((r) => r.method === 'POST')!.body as { startsAt: string; title: string; durationMinutes: number; lang: string };
      expect(body).to.deep.include({ title: 'Vertrieb', durationMinutes: 60, lang: lang === 'de' ? 'en' : 'de' });
      expect(Math.abs(Date.parse(body.startsAt) - before)).to.be.below(5_000, 'valid from now');
      // A later meeting brings the appointment back.
      root(el).querySelector<HTMLInputElement>('input[name="when"][value="later"]')!.click();
      await el.updateComplete;
      for (const name of ['title', 'date', 'time', 'duration']) expect(root(el).querySelector(`[name="${name}"]`), name).to.not.equal(null);
    });
  }

  it('"Link kopieren" writes the clipboard; where it is refused, the link is shown selected', async () => {
    open.push(made());
    const el = await shown();
    await waitUntil(() => root(el).querySelector('li[data-invite] button.copy'));
    const clipboard = navigator.clipboard;
    let written = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (written = text) } });
    try {
      $<HTMLButtonElement>(el, 'li[data-invite] button.copy').click();
      await waitUntil(() => written !== '');
      expect(written).to.equal(made().url);
      await waitUntil(() => $(el, '[role="status"]').textContent === 'Link kopiert.');
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => { throw new DOMException('denied', 'NotAllowedError'); } } });
      $<HTMLButtonElement>(el, 'li[data-invite] button.copy').click();
      await waitUntil(() => root(el).querySelector('input.fallback'), 'the fallback link');
      const fallback = $<HTMLInputElement>(el, 'input.fallback');
      expect(fallback.value).to.equal(made().url);
      expect(root(el).activeElement).to.equal(fallback);
      expect(fallback.selectionStart).to.equal(0);
      expect(fallback.selectionEnd).to.equal(made().url.length);
      expect($(el, '[role="status"]').textContent).to.contain('Kopieren nicht möglich');
      await expect(el).to.be.accessible();
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('"Kalendereintrag" fetches the .ics with the moderator\'s token; "Zurückziehen" withdraws one invite', async () => {
    open.push(made(), made({ id: '22222222-2222-4222-8222-222222222222', guestName: 'Theo Zweit', url: 'http://portal.test/guest#invite=d.e.f' }));
    service.onMatch('GET', /\/calendar\.ics$/, () => ({ status: 200, json: 'BEGIN:VCALENDAR' }));
    service.onMatch('DELETE', /\/v1\/rooms\/vertrieb\/invites\/.+/, (_b, path) => {
      open = open.filter((i) => !path.endsWith(i.id));
      return { status: 200, json: { revoked: true } };
    });
    const el = await shown();
    await waitUntil(() => root(el).querySelectorAll('li[data-invite]').length === 2);
    root(el).querySelector<HTMLButtonElement>('li[data-invite] button.ics')!.click();
    const ics = await service.next(/calendar\.ics$/);
    expect(ics.path).to.equal('/v1/rooms/vertrieb/invites/11111111-1111-4111-8111-111111111111/calendar.ics');
    expect(ics.authorization).to.equal('Bearer portal-token-anna');
    $<HTMLButtonElement>(el, 'li[data-invite="11111111-1111-4111-8111-111111111111"] button.revoke').click();
    await waitUntil(() => root(el).querySelectorAll('li[data-invite]').length === 1, 'one left');
    expect(root(el).querySelector('li[data-invite]')!.textContent).to.contain('Theo Zweit');
    expect($(el, '[role="status"]').textContent).to.equal('Einladung zurückgezogen.');
  });

  it('English, with the colleagues\' link; closing returns focus to the opener', async () => {
    const trigger = await fixture<HTMLButtonElement>(html`<button>open</button>`);
    trigger.focus();
    const el = await shown('en', 'http://portal.test/chat/vertrieb');
    expect($(el, 'h2').textContent).to.equal('Invite someone');
    expect($<HTMLInputElement>(el, 'fieldset.colleagues input').value).to.equal('http://portal.test/chat/vertrieb');
    expect($(el, 'button.create').textContent).to.equal('Create guest link');
    await expect(el).to.be.accessible();
    el.close();
    await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog').open);
    await waitUntil(() => document.activeElement === trigger, 'focus back on the opener');
  });
});
