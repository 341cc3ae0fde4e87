// "Kollegen hinzurufen" in Chromium, inside a joined <timio-conference>: the participants panel's
// button loads the dialog's chunk; the search asks the token service (fake routes) and shows
// presence, only signed-in colleagues can be picked; "Rufen" rings the picked ones into the meeting
// and says what happened; the answers of the rung colleagues (realtime frames) become notices of
// the conference, from its join on (also when the dialog was never opened). German and English; keyboard (focus in the search, Escape back to the button); axe.
import { expect } from '@open-wc/testing';
import type { ColleagueRingAnswerMessage } from '#protocol/realtime.js';
import { waitUntil } from '../../../../../testing/wait.js';
import { conferenceFixture, deep, deepAll, settled, text } from '../../../../../testing/browser/conference-fixture.js';
import type { GuestNotice } from '../waiting/waiting-guests.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

const DIRECTORY = [
  { id: 'david', name: 'David Kim', status: 'online' },
  { id: 'dora', name: 'Dora Dahl', status: 'offline' },
  { id: 'daniel', name: 'Daniel Roth', status: 'busy' },
  { id: 'emma', name: 'Emma Weber', status: 'online' },
];

async function inMeeting(lang: 'de' | 'en', search: 'ok' | 'unavailable' = 'ok') {
  const f = await conferenceFixture({ lang });
  uninstall = () => f.service.uninstall();
  let listener: ((n: GuestNotice) => void) | undefined;
  f.el.guestNotices = (l) => {
    listener = l;
    return () => (listener = undefined);
  };
  const rings: unknown[] = [];
  f.service
    .on('GET /v1/directory/users', () => {
      if (search === 'unavailable') return { status: 501, json: { error: { code: 'not_configured', message: 'no search' } } };
      const q = new URLSearchParams(f.service.requests.at(-1)!.search).get('q')!.toLowerCase();
      return { status: 200, json: { users: DIRECTORY.filter((u) => u.name.toLowerCase().includes(q)) } };
    })
    .on('POST /v1/rooms/vertrieb/ring-colleagues', (body: { userIds: string[] }) => {
      rings.push(body);
      return { status: 201, json: { ringId: 'r1', rung: body.userIds.map((id) => ({ id, name: DIRECTORY.find((u) => u.id === id)!.name, outcome: 'ringing' })) } };
    });
  void f.el.join({ prejoin: true });
  await waitUntil(() => deep(f.root, '.join'));
  deep<HTMLButtonElement>(f.root, '.join')!.click();
  await waitUntil(() => f.sessions.length === 1);
  f.session().connection.set({ phase: 'connected' });
  await settled(f.el);
  deep<HTMLButtonElement>(f.root, '.controls .participants')!.click();
  await settled(f.el);
  const send = (n: ColleagueRingAnswerMessage) => listener?.(n);
  return { ...f, rings, send, listening: () => listener !== undefined };
}

/** Opens the dialog with the panel's button, as a keyboard user would (focus, Enter). */
async function openDialog(f: Awaited<ReturnType<typeof inMeeting>>) {
  const button = deep<HTMLButtonElement>(f.root, '.call-in')!;
  button.focus();
  button.click();
  await waitUntil(() => deep(f.root, 'timio-call-in-dialog')?.shadowRoot?.querySelector('dialog')?.open, 'the dialog opens');
  return deep(f.root, 'timio-call-in-dialog')!.shadowRoot!;
}

async function type(dialog: ShadowRoot, value: string) {
  const field = deep<HTMLInputElement>(dialog, 'input[type=search]')!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<timio-call-in-dialog> in the participants panel', () => {
  it('de: searches colleagues with presence, picks the signed-in ones and rings them; Escape goes back to the button', async () => {
    const f = await inMeeting('de');
    expect(text(f.root, '.call-in')).to.equal('Kollegen hinzurufen');
    const dialog = await openDialog(f);
    const field = deep<HTMLInputElement>(dialog, 'input[type=search]')!;
    expect(dialog.activeElement).to.equal(field, 'focus in the search field');
    expect(text(dialog, 'h2')).to.equal('Kollegen hinzurufen');
    await type(dialog, 'Da');
    await waitUntil(() => deepAll(dialog, 'li').length === 3, 'three found');
    expect(text(dialog, '.sr-only[role=status]')).to.equal('3 Personen gefunden.');
    const row = (id: string) => deep(dialog, `li[data-id="${id}"]`)!;
    expect(text(row('david'), '.presence')).to.equal('angemeldet');
    expect(text(row('dora'), '.presence')).to.equal('nicht angemeldet');
    expect(text(row('daniel'), '.presence')).to.equal('beschäftigt');
    expect((row('dora').querySelector('input') as HTMLInputElement).disabled).to.equal(true, 'offline: not callable');
    expect((row('daniel').querySelector('input') as HTMLInputElement).disabled).to.equal(true, 'busy: not callable, as in the contact menu');
    expect(deep<HTMLButtonElement>(dialog, '.ring')!.disabled).to.equal(true, 'nothing picked yet');
    (row('david').querySelector('input') as HTMLInputElement).click();
    // A second search keeps the first pick.
    await type(dialog, 'emma');
    await waitUntil(() => deepAll(dialog, 'li').length === 1 && deep(dialog, 'li[data-id="emma"]'), 'Emma found');
    (deep(dialog, 'li[data-id="emma"] input') as HTMLInputElement).click();
    await settled(f.el);
    expect(deepAll(dialog, '.unpick').map((b) => b.getAttribute('aria-label'))).to.deep.equal(['David Kim entfernen', 'Emma Weber entfernen']);
    expect(text(dialog, '.ring')).to.equal('2 Personen rufen');
    await expect(dialog.host).to.be.accessible();
    deep<HTMLButtonElement>(dialog, '.ring')!.click();
    await waitUntil(() => f.rings.length === 1, 'the ring request');
    expect(f.rings[0]).to.deep.equal({ userIds: ['david', 'emma'] });
    await waitUntil(() => text(dialog, '.status').includes('Emma'), 'what happened');
    expect(text(dialog, '.status')).to.equal('David Kim wird gerufen … Emma Weber wird gerufen …');
    expect(deepAll(dialog, '.unpick')).to.have.length(0);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    deep<HTMLDialogElement>(dialog, 'dialog')!.close();
    await waitUntil(() => !deep<HTMLDialogElement>(dialog, 'dialog')!.open);
    await waitUntil(() => deep(f.root, 'timio-participants-panel')!.shadowRoot!.activeElement === deep(f.root, '.call-in'), 'focus back on the button');
    expect(deep(f.root, 'timio-participants-panel'), 'the panel stays open').to.not.equal(null);
  });

  it('en: the labels, a declined ring comes back as a notice, and a directory without search says so', async () => {
    const f = await inMeeting('en');
    expect(text(f.root, '.call-in')).to.equal('Call in a colleague');
    // The conference follows the answers from its join on, the dialog never opened (a page change
    // after ringing, the colleagues rung with a call's conversion).
    await waitUntil(() => f.listening(), 'the conference follows the answers');
    f.send({ type: 'colleague-ring-answer', room: 'vertrieb', ring: 'r1', user: { id: 'david', name: 'David Kim' }, outcome: 'declined' });
    f.send({ type: 'colleague-ring-answer', room: 'elsewhere', ring: 'r2', user: { id: 'emma', name: 'Emma Weber' }, outcome: 'busy' });
    const notices = () => deepAll(f.root, '.notice[data-kind="info"]').map((n) => n.textContent!.trim());
    await waitUntil(() => notices().length === 1, 'the declined notice');
    expect(notices()).to.deep.equal(['David Kim declined.'], 'another room\'s answer is not this meeting\'s');
    f.send({ type: 'colleague-ring-answer', room: 'vertrieb', ring: 'r1', user: { id: 'emma', name: 'Emma Weber' }, outcome: 'no_answer' });
    await waitUntil(() => notices().includes('Emma Weber did not answer.'), 'the no-answer notice');
    uninstall?.();

    const g = await inMeeting('en', 'unavailable');
    const dialog = await openDialog(g);
    expect(text(dialog, 'label.search')).to.equal('Search by name');
    await type(dialog, 'david');
    await waitUntil(() => deep(dialog, '.problem'), 'the problem');
    expect(text(dialog, '.problem')).to.equal('Searching for colleagues is not set up here.');
    await expect(dialog.host).to.be.accessible();
  });
});
