// What a person sees of their own call state on every page, and when the service's state and
// the page's drift apart: "Sie sind bereits in einem Gespräch" (a call in another tab), accept at
// the moment the caller hangs up, two people calling each other, and a caller whose call the
// service no longer knows (never left ringing with every call button disabled).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import type { CallInfo } from '#protocol/realtime.js';
import { pageServices } from '../../page/page-services.js';
import { FakeTokenService, makeCall } from '../../../../testing/browser/fake-token-service.js';
import { fakeSignedInPage, recordCallWindows } from '../../../../testing/browser/fake-page.js';
import { TimioCallButton, defineCallButton } from '../call-button/call-button.js';
import { TimioNotifications, defineNotifications } from './notifications.js';

defineNotifications();
defineCallButton();
const realtime = fakeSignedInPage('ben');
const machine = pageServices().calls;
const { opened } = recordCallWindows();

const ben = { id: 'ben', name: 'Ben Müller' };
const anna = { id: 'anna', name: 'Anna Schmidt' };
const carla = { id: 'carla', name: 'Carla Rossi' };
let n = 0;
function call(patch: Partial<CallInfo>): CallInfo {
  n++;
  return makeCall({ id: `${String(n).padStart(2, '0')}${'d'.repeat(22)}`, ...patch });
}
const ended = (c: CallInfo, outcome: CallInfo['outcome']): CallInfo => ({ ...c, state: 'ended', outcome, endedAt: new Date().toISOString(), durationSeconds: 0 });

const root = (el: TimioNotifications) => el.shadowRoot!;
const text = (el: TimioNotifications) => root(el).textContent!.replace(/\s+/g, ' ');
const inner = (b: TimioCallButton) => b.shadowRoot!.querySelector('button')!;
const disabled = (b: TimioCallButton) => inner(b).getAttribute('aria-disabled') === 'true';

let service: FakeTokenService;

describe('own call state and reconciling with the service', () => {
  let el: TimioNotifications;
  let carlaButton: TimioCallButton;
  beforeEach(async () => {
    service = new FakeTokenService().install();
    service.on('GET /v1/calls/current', () => ({ status: 200, json: { call: null } }));
    const page = await fixture<HTMLElement>(html`<div lang="de">
      <timio-call-button contact="carla" name="Carla Rossi" presence="online"></timio-call-button>
      <timio-notifications></timio-notifications>
    </div>`);
    carlaButton = page.querySelector('timio-call-button')!;
    el = page.querySelector('timio-notifications')!;
  });
  afterEach(async () => {
    service.uninstall();
    const s = machine.snapshot();
    for (const c of [...s.incoming.map((i) => i.call), ...(s.elsewhere ? [s.elsewhere] : []), ...(s.active ? [s.active] : [])]) machine.handleCall(ended(c, 'completed'));
    while (machine.snapshot().outgoing) await machine.cancel();
  });

  it('a call in another tab: the buttons here are disabled and say "Sie sind bereits in einem Gespräch"', async () => {
    expect(disabled(carlaButton)).to.equal(false);
    // Ben answered Anna's call on another page of his.
    const running = call({ caller: anna, callee: ben, state: 'active', answeredAt: new Date().toISOString() });
    realtime.sendCall({ ...running, state: 'ringing' });
    realtime.sendCall({ ...running, answeredElsewhere: true });
    await waitUntil(() => disabled(carlaButton), 'the call button waits while Ben is in a call elsewhere');
    expect(inner(carlaButton).getAttribute('aria-label')).to.equal('Sie sind bereits in einem Gespräch');
    expect(root(el).querySelector('.incoming'), 'no ringing popup here').to.equal(null);
    realtime.sendCall(ended(running, 'completed'));
    await waitUntil(() => !disabled(carlaButton), 'free again when that call ends');

    // A call Ben places from another tab counts too.
    const placed = call({ caller: ben, callee: anna, state: 'ringing' });
    realtime.sendCall(placed);
    await waitUntil(() => disabled(carlaButton));
    realtime.sendCall(ended(placed, 'cancelled'));
    await waitUntil(() => !disabled(carlaButton));
  });

  it('calling while this user is in a call the page did not know of says so, not that the contact is busy', async () => {
    const other = call({ caller: ben, callee: anna, state: 'active', answeredAt: new Date().toISOString() });
    service.on('POST /v1/calls', () => ({ status: 409, json: { error: { code: 'already_in_call', message: 'you are already in a call' }, call: other } }));
    inner(carlaButton).click();
    await waitUntil(() => root(el).querySelector('.outgoing[data-phase="ended"]'));
    expect(text(el)).to.contain('Sie sind bereits in einem Gespräch.');
    expect(text(el)).not.to.contain('Carla Rossi ist gerade in einem anderen Gespräch');
    await waitUntil(() => disabled(carlaButton), 'and the buttons show the call held elsewhere');
  });

  it('accept at the moment the caller hangs up: the popup closes and says the call has ended', async () => {
    const ringing = call({ caller: anna, callee: ben });
    service.on('POST /v1/calls/:id/accept', () => ({ status: 409, json: { error: { code: 'call_not_ringing', message: 'the call is over (cancelled)' }, call: ended(ringing, 'cancelled') } }));
    realtime.sendCall(ringing);
    await waitUntil(() => root(el).querySelector('.incoming'));
    root(el).querySelector<HTMLButtonElement>('.incoming .accept')!.click();
    await waitUntil(() => !root(el).querySelector('.incoming'), 'the popup is gone');
    await waitUntil(() => text(el).includes('Der Anruf ist bereits beendet.'));
    expect(text(el)).not.to.contain('Etwas ist schiefgegangen');
    expect(disabled(carlaButton)).to.equal(false);
    expect(opened.some((g) => g.call.id === ringing.id)).to.equal(false);
  });

  it('two people calling each other: Ben\'s call to Anna while hers rings opens their one call', async () => {
    const hers = call({ caller: anna, callee: ben });
    realtime.sendCall(hers);
    await waitUntil(() => root(el).querySelector('.incoming'));
    const joined = { ...hers, state: 'active' as const, answeredAt: new Date().toISOString() };
    service.on('POST /v1/calls', () => ({ status: 201, json: { call: joined, token: 'ben-token', url: 'ws://media' } }));
    await machine.call(anna);
    await waitUntil(() => opened.some((g) => g.call.id === hers.id), 'the call window opens for Anna\'s call');
    realtime.sendCall(joined);
    await waitUntil(() => !root(el).querySelector('.incoming') && !root(el).querySelector('.outgoing'), 'no ringing and no "busy" left');
    expect(text(el)).not.to.contain('in einem anderen Gespräch');
    expect(machine.snapshot().active?.id).to.equal(hers.id);
    realtime.sendCall(ended(joined, 'completed'));
    await waitUntil(() => !machine.snapshot().active);
  });

  it('a caller whose call the service no longer knows is not left ringing: after a reconnect, and on hang-up', async () => {
    const placed = call({ caller: ben, callee: carla });
    service.on('POST /v1/calls', () => ({ status: 201, json: { call: placed, token: 't', url: 'ws://media' } }));
    inner(carlaButton).click();
    await waitUntil(() => root(el).querySelector('.outgoing[data-phase="ringing"]'));
    expect(disabled(carlaButton)).to.equal(true);
    // The service restarted and the `ended` was lost: on `ready` the page asks and lets go.
    realtime.ready();
    await waitUntil(() => !root(el).querySelector('.outgoing[data-phase="ringing"]'), 'not ringing any more');
    await waitUntil(() => !disabled(carlaButton), 'the call buttons work again');
    while (machine.snapshot().outgoing) await machine.cancel();

    // Hanging up a call the service does not know (404) ends it here as cancelled, no error.
    const second = call({ caller: ben, callee: carla });
    service.on('POST /v1/calls', () => ({ status: 201, json: { call: second, token: 't', url: 'ws://media' } }));
    service.on('POST /v1/calls/:id/cancel', () => ({ status: 404, json: { error: { code: 'not_found', message: 'no such call' } } }));
    inner(carlaButton).click();
    await waitUntil(() => root(el).querySelector('.outgoing[data-phase="ringing"]'));
    root(el).querySelector<HTMLButtonElement>('.outgoing .hangup')!.click();
    await waitUntil(() => root(el).querySelector('.outgoing[data-outcome="cancelled"]'));
    expect(text(el)).to.contain('Der Anruf wurde abgebrochen.');
    expect(text(el)).not.to.contain('Den Anruf gibt es nicht mehr');
    expect(disabled(carlaButton)).to.equal(false);

    // And a call the service knows but this page missed is shown after a reconnect.
    while (machine.snapshot().outgoing) await machine.cancel();
    const missed = call({ caller: ben, callee: anna, state: 'active', answeredAt: new Date().toISOString() });
    service.on('GET /v1/calls/current', () => ({ status: 200, json: { call: missed } }));
    realtime.ready();
    await waitUntil(() => disabled(carlaButton), 'the call running elsewhere disables the buttons');
    expect(machine.snapshot().elsewhere?.id).to.equal(missed.id);
  });
});
