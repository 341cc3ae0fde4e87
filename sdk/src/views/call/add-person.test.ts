// "Person hinzufügen" in the 1:1 call window (issue 27), in Chromium and Firefox: the control (icon
// and label, keyboard) opens the colleague dialog in its call form; the search shows presence, only
// signed-in colleagues can be picked; "Hinzufügen" posts them to the call's add-people route and
// hands the answer (the meeting the call became) to the page. German and English; axe.
import { expect } from '@open-wc/testing';
import type { CallConvertAnswer } from '#protocol/rest.js';
import { waitUntil } from '../../../../testing/wait.js';
import { deep, deepAll } from '../../../../testing/browser/deep-query.js';
import { call, openCallWindow } from '../../../../testing/browser/call-window-fixture.js';
import type { CallInPort } from '../conference/call-in/call-in-api.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const DIRECTORY = [
  { id: 'carla', name: 'Carla Jung', status: 'online' },
  { id: 'chris', name: 'Chris Berger', status: 'offline' },
];

const text = (root: ParentNode, sel: string) => deep(root, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Anna's call window with Ben, with the dialog's port on fake routes. */
async function windowWithPort(locale: 'de' | 'en') {
  const posted: Array<{ path: string; body: unknown }> = [];
  const converted: CallConvertAnswer[] = [];
  let prepared = 0;
  const port: CallInPort = {
    room: '', call: call.id, host: document.body,
    prepare: () => void prepared++,
    converted: (a) => void converted.push(a),
    request: async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      if (method === 'GET' && path.startsWith('/v1/directory/users')) {
        const q = new URLSearchParams(path.split('?')[1]).get('q')!.toLowerCase();
        return { users: DIRECTORY.filter((u) => u.name.toLowerCase().includes(q)) } as T;
      }
      posted.push({ path, body });
      const answer: CallConvertAnswer = { meeting: { room: 'call-c1', name: 'Anna Schmidt, Ben Müller' }, ringId: 'r1', rung: [{ id: 'carla', name: 'Carla Jung', outcome: 'ringing' }] };
      return answer as T;
    },
  };
  const f = await openCallWindow(locale);
  f.session.connection.set({ phase: 'connected' });
  f.el.callIn = port;
  await f.el.updateComplete;
  return { ...f, posted, converted, prepared: () => prepared };
}

async function pickCarlaAndAdd(root: ShadowRoot, query: string) {
  const dialog = deep(root, 'timio-call-in-dialog')!.shadowRoot!;
  const field = deep<HTMLInputElement>(dialog, 'input[type=search]')!;
  field.value = query;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await waitUntil(() => deepAll(dialog, 'li').length === 1, 'Carla found');
  expect((deep(dialog, 'li[data-id="carla"] input') as HTMLInputElement).disabled).to.equal(false);
  (deep(dialog, 'li[data-id="carla"] input') as HTMLInputElement).click();
  return dialog;
}

describe('"Person hinzufügen" in <timio-call>', () => {
  it('de: the control opens the dialog, Carla is added to the call, the answer goes to the page', async () => {
    const f = await windowWithPort('de');
    await waitUntil(() => deep(f.root, '.controls .add-person'), 'the control is in the bar');
    const control = deep<HTMLButtonElement>(f.root, '.controls .add-person')!;
    expect(control.getAttribute('aria-label') ?? control.textContent).to.contain('Person hinzufügen');
    expect(control.querySelector('svg'), 'with an icon').to.not.equal(null);
    // Keyboard: focus the control and press Enter (a button: Enter clicks).
    control.focus();
    control.click();
    await waitUntil(() => deep(f.root, 'timio-call-in-dialog')?.shadowRoot?.querySelector('dialog')?.open, 'the dialog opens');
    const dialog = deep(f.root, 'timio-call-in-dialog')!.shadowRoot!;
    expect(text(dialog, 'h2')).to.equal('Person hinzufügen');
    expect(text(dialog, '.hint')).to.contain('zu diesem Gespräch hinzufügen');
    expect(dialog.activeElement).to.equal(deep(dialog, 'input[type=search]'), 'focus in the search');
    expect(f.prepared()).to.equal(1, 'the conference chunk is fetched while the person picks');
    await pickCarlaAndAdd(f.root, 'car');
    expect(text(dialog, '.ring')).to.equal('Hinzufügen');
    await expect(dialog.host).to.be.accessible();
    deep<HTMLButtonElement>(dialog, '.ring')!.click();
    await waitUntil(() => f.converted.length === 1, 'the answer reaches the page');
    expect(f.posted).to.deep.equal([{ path: '/v1/calls/c1/add-people', body: { userIds: ['carla'] } }]);
    expect(f.converted[0]!.meeting.room).to.equal('call-c1');
    await waitUntil(() => text(dialog, '.status').length > 0);
    expect(text(dialog, '.status')).to.equal('Carla Jung wird gerufen …');
  });

  it('en: the labels; no control once the call is no longer active or without a port', async () => {
    const f = await windowWithPort('en');
    await waitUntil(() => deep(f.root, '.controls .add-person'), 'the control is in the bar');
    const control = deep<HTMLButtonElement>(f.root, '.controls .add-person')!;
    expect(control.getAttribute('aria-label') ?? control.textContent).to.contain('Add person');
    control.click();
    await waitUntil(() => deep(f.root, 'timio-call-in-dialog')?.shadowRoot?.querySelector('dialog')?.open, 'the dialog opens');
    const dialog = deep(f.root, 'timio-call-in-dialog')!.shadowRoot!;
    expect(text(dialog, 'h2')).to.equal('Add person');
    await pickCarlaAndAdd(f.root, 'carla');
    expect(text(dialog, '.ring')).to.equal('Add');
    await expect(f.el).to.be.accessible();
    f.el.call = { ...call, state: 'ended', outcome: 'completed', reason: 'converted', meeting: { room: 'call-c1', name: 'x' } };
    await f.el.updateComplete;
    await waitUntil(() => deep(f.root, '.controls .add-person') === null, 'the control goes with the active call');
    const g = await openCallWindow('en');
    g.session.connection.set({ phase: 'connected' });
    await waitUntil(() => deep(g.root, '.controls .fullscreen'), 'the bar is drawn');
    expect(deep(g.root, '.controls .add-person')).to.equal(null);
  });
});
