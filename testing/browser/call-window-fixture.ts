// The call window's element tests share one call and one way to open the window on a stand-in
// session (testing/browser/fake-session.ts) with Anna as the local person.
import { fixture, html } from '@open-wc/testing';
import { FakeSession } from './fake-session.js';
import type { CallInfo } from '#protocol/realtime.js';
import { TimioCall, defineTimioCall } from '../../sdk/src/views/call/timio-call.js';
import type { WindowFrame } from '../../sdk/src/views/call/window-frame.js';

defineTimioCall();

export const call: CallInfo = {
  id: 'c1', room: 'call-c1', state: 'active', createdAt: new Date().toISOString(),
  caller: { id: 'anna', name: 'Anna Schmidt' }, callee: { id: 'ben', name: 'Ben Müller' },
};

/** Anna's window for `theCall` with Ben, in `locale`; docked at `frame` when `docked` is given. */
export async function openCallWindow(locale: 'de' | 'en', docked?: { frame?: WindowFrame }, theCall: CallInfo = call) {
  const session = new FakeSession();
  session.put({ identity: 'anna', name: 'Anna Schmidt', isLocal: true });
  const el = docked
    ? await fixture<TimioCall>(html`<timio-call mode="docked" .frame=${docked.frame} .session=${session} .call=${theCall} .partner=${theCall.callee} locale=${locale}></timio-call>`)
    : await fixture<TimioCall>(html`<timio-call .session=${session} .call=${theCall} .partner=${theCall.callee} locale=${locale}></timio-call>`);
  return { el, session, root: el.shadowRoot! };
}
