// <timio-call-history> in the browser against the fake token service: the person's calls and
// meetings as GET /v1/history gives them (who, when relative to now, direction, outcome, duration)
// in German and English, empty and failed states, older pages, reloading when a call ends, and
// the select event that calls back unless the host takes it. axe in every state.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HistoryEntry } from '#protocol/history.js';
import type { UserRef } from '#protocol/realtime.js';
import { configure, getConfig } from '../../config/config.js';
import { FakeTokenService, TEST_SERVICE } from '../../../../testing/browser/fake-token-service.js';
import { TimioCallHistory, defineCallHistory } from './call-history.js';

defineCallHistory();
configure({ tokenServiceUrl: TEST_SERVICE, portalToken: 'portal-token-anna' });
// The page's timio.js, as far as the history uses it (its public API).
const calledBack: UserRef[] = [];
window.timio = { getConfig, call: async (contact: UserRef) => void calledBack.push(contact) } as unknown as Window['timio'];

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ben = { id: 'ben', name: 'Ben Müller' };
const carla = { id: 'carla', name: 'Carla Rossi' };
const entries = (): HistoryEntry[] => [
  { id: 'call-1', kind: 'call', direction: 'outgoing', outcome: 'completed', at: ago(5 * MIN), with: ben, durationSeconds: 125 },
  { id: 'meeting-1', kind: 'meeting', direction: 'incoming', outcome: 'joined', at: ago(3 * 60 * MIN), with: carla, room: { id: 'vertrieb', name: 'Vertrieb' }, durationSeconds: 3725 },
  { id: 'call-2', kind: 'call', direction: 'incoming', outcome: 'missed', at: ago(26 * 60 * MIN), with: carla },
  { id: 'ring-1', kind: 'meeting', direction: 'incoming', outcome: 'missed', at: ago(30 * 60 * MIN), with: ben, room: { id: 'entwicklung', name: 'Entwicklung' } },
];

const root = (el: TimioCallHistory) => el.shadowRoot!;
const rows = (el: TimioCallHistory) => [...root(el).querySelectorAll('tbody tr')];
const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());

let service: FakeTokenService;

describe('<timio-call-history>', () => {
  beforeEach(() => {
    service = new FakeTokenService().install();
    calledBack.length = 0;
  });
  afterEach(() => service.uninstall());

  it('lists the calls and meetings in German: who, when, direction, outcome, duration', async () => {
    service.on('GET /v1/history', () => ({ status: 200, json: { entries: entries(), more: false } }));
    const el = await fixture<TimioCallHistory>(html`<timio-call-history lang="de"></timio-call-history>`);
    await waitUntil(() => rows(el).length === 4, 'four rows');
    const request = await service.next('/v1/history');
    expect(request.authorization).to.equal('Bearer portal-token-anna');
    expect(request.search).to.equal('?limit=50');
    expect(cells(rows(el)[0]!)).to.deep.equal(['vor 5 Minuten', 'Ben Müller', 'Ausgehend', 'Angenommen', '2:05']);
    expect(cells(rows(el)[1]!)).to.deep.equal(['vor 3 Stunden', 'Vertrieb Carla Rossi hat gerufen', 'Besprechung', 'Teilgenommen', '1:02:05']);
    expect(cells(rows(el)[2]!)).to.deep.equal(['gestern', 'Carla Rossi', 'Eingehend', 'Verpasst', '–']);
    expect(cells(rows(el)[3]!)).to.deep.equal(['gestern', 'Entwicklung Ben Müller hat gerufen', 'Besprechung', 'Verpasst', '–']);
    expect(rows(el).map((r) => (r as HTMLElement).dataset['outcome'])).to.deep.equal(['completed', 'joined', 'missed', 'missed']);
    // Names are buttons that say what they do; a call's row has the person's video button too.
    const names = [...root(el).querySelectorAll('button[part="name"]')].map((b) => b.getAttribute('aria-label'));
    expect(names).to.deep.equal(['Ben Müller zurückrufen', 'Raum Vertrieb öffnen', 'Carla Rossi zurückrufen', 'Raum Entwicklung öffnen']);
    expect(rows(el)[0]!.querySelector('timio-call-button')!.getAttribute('contact')).to.equal('ben');
    expect(rows(el)[1]!.querySelector('timio-call-button')).to.equal(null);
    expect(root(el).querySelector('table')!.getAttribute('aria-label')).to.equal('Anrufjournal');
    expect([...root(el).querySelectorAll('th')].map((th) => th.textContent)).to.deep.equal(['Wann', 'Kontakt', 'Richtung', 'Ergebnis', 'Dauer']);
    // A missed entry stands out: not the colour of an answered one.
    const colour = (i: number) => getComputedStyle(rows(el)[i]!.querySelector('.outcome')!).color;
    expect(colour(2)).not.to.equal(colour(0));
    expect(rows(el)[0]!.querySelector('time')!.getAttribute('title'), 'the exact time on hover').to.match(/\d{4}, \d\d:\d\d|\d\d:\d\d/);
    await expect(el).to.be.accessible();
  });

  it('speaks English on an English page', async () => {
    service.on('GET /v1/history', () => ({ status: 200, json: { entries: entries(), more: false } }));
    const el = await fixture<TimioCallHistory>(html`<timio-call-history lang="en"></timio-call-history>`);
    await waitUntil(() => rows(el).length === 4, 'four rows');
    expect(cells(rows(el)[0]!)).to.deep.equal(['5 minutes ago', 'Ben Müller', 'Outgoing', 'Answered', '2:05']);
    expect(cells(rows(el)[1]!)).to.deep.equal(['3 hours ago', 'Vertrieb called by Carla Rossi', 'Meeting', 'Joined', '1:02:05']);
    expect(cells(rows(el)[2]!)).to.deep.equal(['yesterday', 'Carla Rossi', 'Incoming', 'Missed', '–']);
    expect(root(el).querySelector('button[part="name"]')!.getAttribute('aria-label')).to.equal('Call Ben Müller back');
    expect(root(el).querySelector('table')!.getAttribute('aria-label')).to.equal('Call journal');
    await expect(el).to.be.accessible();
  });

  it('says when there is nothing yet, and when the history cannot be read (with a retry that works)', async () => {
    service.on('GET /v1/history', () => ({ status: 200, json: { entries: [], more: false } }));
    const de = await fixture<TimioCallHistory>(html`<timio-call-history lang="de"></timio-call-history>`);
    await waitUntil(() => root(de).textContent!.includes('Noch keine Anrufe.'), 'empty, German');
    await expect(de).to.be.accessible();
    const en = await fixture<TimioCallHistory>(html`<timio-call-history lang="en"></timio-call-history>`);
    await waitUntil(() => root(en).textContent!.includes('No calls yet.'), 'empty, English');

    service.on('GET /v1/history', () => ({ status: 503, json: { error: { code: 'storage_unavailable', message: 'down' } } }));
    const failed = await fixture<TimioCallHistory>(html`<timio-call-history lang="de"></timio-call-history>`);
    await waitUntil(() => root(failed).querySelector('[role="alert"]')?.textContent!.includes('Das Journal konnte nicht geladen werden.'), 'the error, German');
    await expect(failed).to.be.accessible();
    service.on('GET /v1/history', () => ({ status: 200, json: { entries: entries().slice(0, 1), more: false } }));
    root(failed).querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => rows(failed).length === 1, 'loaded after the retry');
  });

  it('loads older entries before the last one shown', async () => {
    const all = entries();
    service.on('GET /v1/history', () => {
      const search = service.requests.at(-1)!.search;
      return search.includes('before=')
        ? { status: 200, json: { entries: all.slice(2), more: false } }
        : { status: 200, json: { entries: all.slice(0, 2), more: true } };
    });
    const el = await fixture<TimioCallHistory>(html`<timio-call-history lang="de" limit="2"></timio-call-history>`);
    await waitUntil(() => rows(el).length === 2, 'first page');
    const more = root(el).querySelector<HTMLButtonElement>('button[part="more"]')!;
    expect(more.textContent).to.equal('Ältere Einträge laden');
    more.click();
    await waitUntil(() => rows(el).length === 4, 'second page');
    expect(service.requests.at(-1)!.search).to.equal(`?limit=2&before=${encodeURIComponent(all[1]!.at)}`);
    expect(root(el).querySelector('button[part="more"]')).to.equal(null);
  });

  it('reloads when a call of the page ends, and on refresh()', async () => {
    let list = entries().slice(1);
    service.on('GET /v1/history', () => ({ status: 200, json: { entries: list, more: false } }));
    const el = await fixture<TimioCallHistory>(html`<timio-call-history lang="de"></timio-call-history>`);
    await waitUntil(() => rows(el).length === 3, 'three rows');
    list = entries();
    document.dispatchEvent(new CustomEvent('timio-call-ended', { bubbles: true, composed: true, detail: {} }));
    await waitUntil(() => rows(el).length === 4, 'the ended call is in');
    list = [];
    await el.refresh();
    await waitUntil(() => root(el).textContent!.includes('Noch keine Anrufe.'), 'refreshed to empty');
  });

  it('a chosen name tells the host (timio-history-select); unless it takes over, a call is called back', async () => {
    service.on('GET /v1/history', () => ({ status: 200, json: { entries: entries(), more: false } }));
    const el = await fixture<TimioCallHistory>(html`<timio-call-history lang="de"></timio-call-history>`);
    await waitUntil(() => rows(el).length === 4, 'four rows');
    const name = (i: number) => rows(el)[i]!.querySelector<HTMLButtonElement>('button[part="name"]')!;

    setTimeout(() => name(0).click());
    const chosen = await oneEvent(el, 'timio-history-select');
    expect(chosen.detail.entry.id).to.equal('call-1');
    expect(chosen.cancelable && chosen.composed && chosen.bubbles).to.equal(true);
    expect(calledBack).to.deep.equal([ben]);

    const takeOver = (e: Event) => e.preventDefault();
    document.addEventListener('timio-history-select', takeOver);
    name(2).click();
    document.removeEventListener('timio-history-select', takeOver);
    expect(calledBack, 'the host took it: no call').to.deep.equal([ben]);

    setTimeout(() => name(1).click());
    expect((await oneEvent(el, 'timio-history-select')).detail.entry.room?.id).to.equal('vertrieb');
    expect(calledBack, 'a meeting calls nobody').to.deep.equal([ben]);
  });
});
