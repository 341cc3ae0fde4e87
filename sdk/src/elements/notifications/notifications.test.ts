// <timio-notifications> in Chromium and Firefox: the incoming-call popup (caller name, accept, decline, ring
// tone that respects mute, desktop notification in a background tab), the caller's states, the
// room invitation ("Einladung zur Videobesprechung" / "Teilnehmen") and the host events.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import type { CallInfo } from '#protocol/realtime.js';
import { pageServices } from '../../page/page-services.js';
import { FakeTokenService, makeCall } from '../../../../testing/browser/fake-token-service.js';
import { fakeSignedInPage, recordCallWindows } from '../../../../testing/browser/fake-page.js';
import { TimioNotifications, defineNotifications, ensureNotifications } from './notifications.js';

defineNotifications();
const realtime = fakeSignedInPage('ben');
const machine = pageServices().calls;
const { opened, ends: windowEnds } = recordCallWindows();

const conferences: Array<{ room: string; prejoin: boolean; roomName?: string }> = [];
TimioNotifications.openConference = async (request) => void conferences.push(request);

let n = 0;
/** A fresh call id per test so the machine's memory of earlier calls does not interfere. */
function incoming(patch: Partial<CallInfo> = {}): CallInfo {
  n++;
  return makeCall({ id: `${String(n).padStart(2, '0')}${'b'.repeat(22)}`, caller: { id: 'anna', name: 'Anna Schmidt' }, callee: { id: 'ben', name: 'Ben Müller' }, ...patch });
}

const root = (el: TimioNotifications) => el.shadowRoot!;
const popup = (el: TimioNotifications, sel = '.incoming') => root(el).querySelector<HTMLElement>(sel);
const button = (el: TimioNotifications, sel: string) => root(el).querySelector<HTMLButtonElement>(sel)!;
/**
 * Waits until the popups have faded in: axe measures contrast of what is painted, and halfway
 * through the 180 ms fade (Firefox checks that early) the text is paler than a person then sees.
 */
const entered = (el: TimioNotifications) =>
  Promise.all(root(el).getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime)).map((a) => a.finished));

let service: FakeTokenService;

/** A fresh incoming call the service lets this page accept (callee's token) and end after 3 s. */
function answerableCall(): CallInfo {
  const call = incoming();
  const active = { ...call, state: 'active' as const, answeredAt: new Date().toISOString() };
  service.on('POST /v1/calls/:id/accept', () => ({ status: 200, json: { call: active, token: 'callee-livekit-token', url: 'ws://media.test' } }));
  service.on('POST /v1/calls/:id/end', () => ({ status: 200, json: { call: { ...active, state: 'ended', outcome: 'completed', durationSeconds: 3 } } }));
  return call;
}

describe('<timio-notifications>', () => {
  beforeEach(() => {
    service = new FakeTokenService().install();
    localStorage.removeItem('timio:ring-muted');
  });
  afterEach(async () => {
    service.uninstall();
    for (const i of machine.snapshot().incoming) machine.handleCall({ ...i.call, state: 'ended', outcome: 'cancelled' });
    while (machine.snapshot().outgoing) await machine.cancel();
  });

  it('is added to a page that has none, once', async () => {
    ensureNotifications();
    ensureNotifications();
    expect(document.querySelectorAll('body > timio-notifications')).to.have.length(1);
    document.querySelector('body > timio-notifications')!.remove();
  });

  it('rings for an incoming call: popup with the caller\'s name, ring tone, focus on accept; decline stops it', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    const before = document.createElement('button');
    before.textContent = 'Seite';
    document.body.append(before);
    before.focus();
    const call = incoming();
    const started = oneEvent(document, 'timio-call-started');
    realtime.sendCall(call);
    expect((await started).detail.id).to.equal(call.id);
    await waitUntil(() => popup(el));
    expect(popup(el)!.getAttribute('role')).to.equal('alertdialog');
    expect(popup(el)!.textContent).to.contain('Eingehender Videocall');
    expect(popup(el)!.textContent).to.contain('Anna Schmidt ruft Sie an');
    expect(button(el, '.accept').textContent!.trim()).to.equal('Annehmen');
    expect(button(el, '.decline').textContent!.trim()).to.equal('Ablehnen');
    expect(el.ringing).to.equal(true);
    expect(root(el).activeElement).to.equal(button(el, '.accept'));
    await entered(el);
    await expect(el).to.be.accessible();

    service.on('POST /v1/calls/:id/decline', () => ({ status: 200, json: { call: { ...call, state: 'ended', outcome: 'declined' } } }));
    const ended = oneEvent(document, 'timio-call-ended');
    button(el, '.decline').click();
    await waitUntil(() => !popup(el));
    expect(el.ringing).to.equal(false);
    expect((await ended).detail.outcome).to.equal('declined');
    expect((await service.next(/decline$/)).path).to.equal(`/v1/calls/${call.id}/decline`);
    await waitUntil(() => document.activeElement === before, 'focus goes back where it was');
    before.remove();
  });

  it('Escape declines', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    const call = incoming();
    service.on('POST /v1/calls/:id/decline', () => ({ status: 200, json: { call: { ...call, state: 'ended', outcome: 'declined' } } }));
    realtime.sendCall(call);
    await waitUntil(() => popup(el));
    button(el, '.accept').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitUntil(() => !popup(el));
    await service.next(/decline$/);
  });

  it('accept answers with this page\'s id and opens the call window with the callee\'s token', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="en"></timio-notifications>`);
    const call = answerableCall();
    realtime.sendCall(call);
    await waitUntil(() => popup(el));
    expect(popup(el)!.textContent).to.contain('Anna Schmidt is calling you');
    const answered = oneEvent(document, 'timio-call-answered');
    button(el, '.accept').click();
    const request = await service.next(/accept$/);
    expect(request.body).to.deep.equal({ page: 'page-1' });
    expect(request.authorization).to.equal('Bearer portal-token-ben');
    await answered;
    await waitUntil(() => opened.some((g) => g.call.id === call.id));
    expect(opened.at(-1)!.token).to.equal('callee-livekit-token');
    expect(popup(el)).to.equal(null);
    // The window's end button hangs up at the service; the page reports the ended call.
    const ended = oneEvent(document, 'timio-call-ended');
    windowEnds.at(-1)!('hangup');
    expect((await ended).detail.durationSeconds).to.equal(3);
    expect(machine.snapshot().active).to.equal(undefined);
  });

  it('an unanswered call that the caller cancels is reported missed', async () => {
    await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    const call = incoming();
    realtime.sendCall(call);
    const missed = oneEvent(document, 'timio-call-missed');
    realtime.sendCall({ ...call, state: 'ended', outcome: 'cancelled' });
    expect((await missed).detail.id).to.equal(call.id);
  });

  it('mute silences the ring, keeps the popup, and is remembered', async () => {
    // Count the tones the ring schedules (WebAudio oscillators), before and after mute.
    let tones = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
      tones++;
      return start.call(this, when);
    };
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    realtime.sendCall(incoming());
    await waitUntil(() => el.ringing);
    await waitUntil(() => tones >= 2, 'the ring plays its two-note chime');
    OscillatorNode.prototype.start = start;
    const mute = button(el, '.mute');
    expect(mute.getAttribute('aria-label')).to.equal('Klingelton aus');
    expect(mute.getAttribute('aria-pressed')).to.equal('false');
    mute.click();
    await waitUntil(() => !el.ringing);
    expect(popup(el)).to.not.equal(null);
    expect(button(el, '.mute').getAttribute('aria-pressed')).to.equal('true');
    expect(localStorage.getItem('timio:ring-muted')).to.equal('1');
    el.remove();
    const again = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    expect(again.muted).to.equal(true);
    expect(again.ringing).to.equal(false);
  });

  it('shows a desktop notification while the page is in a background tab', async () => {
    const shown: Array<{ title: string; body?: string; closed: boolean }> = [];
    const RealNotification = window.Notification;
    class RecordingNotification {
      static permission = 'granted';
      onclick: (() => void) | null = null;
      entry: { title: string; body?: string; closed: boolean };
      constructor(title: string, options?: NotificationOptions) {
        this.entry = { title, body: options?.body, closed: false };
        shown.push(this.entry);
      }
      close() {
        this.entry.closed = true;
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    try {
      const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
      realtime.sendCall(incoming());
      await waitUntil(() => shown.length === 1);
      expect(shown[0]!.title).to.equal('Videocall von Anna Schmidt');
      Object.defineProperty(document, 'hidden', { value: false, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(shown[0]!.closed).to.equal(true);
      expect(popup(el)).to.not.equal(null);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
      Object.defineProperty(window, 'Notification', { value: RealNotification, configurable: true, writable: true });
    }
  });

  for (const [outcome, text] of [
    ['declined', 'Ben Müller hat den Anruf abgelehnt.'],
    ['no_answer', 'Ben Müller nimmt nicht ab.'],
  ] as const) {
    it(`shows the caller "${text}"`, async () => {
      realtime.userId = 'anna';
      try {
        const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
        const call = incoming();
        service.on('POST /v1/calls', () => ({ status: 201, json: { call, token: 't', url: 'ws://media.test' } }));
        await machine.call({ id: 'ben', name: 'Ben Müller' });
        await waitUntil(() => popup(el, '.outgoing')?.dataset.phase === 'ringing');
        expect(popup(el, '.outgoing')!.textContent).to.contain('Es klingelt bei Ben Müller');
        expect(button(el, '.hangup').textContent!.trim()).to.equal('Auflegen');
        await entered(el);
    await expect(el).to.be.accessible();
        realtime.sendCall({ ...call, state: 'ended', outcome });
        await waitUntil(() => popup(el, '.outgoing')?.dataset.phase === 'ended');
        expect(popup(el, '.outgoing')!.textContent).to.contain(text);
        expect(root(el).querySelector('[role="status"]')!.textContent).to.equal(text);
        button(el, '.close').click();
        await waitUntil(() => !popup(el, '.outgoing'));
      } finally {
        realtime.userId = 'ben';
      }
    });
  }

  it('shows the caller "busy" when the contact is in another call (409)', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="en"></timio-notifications>`);
    service.on('POST /v1/calls', () => ({ status: 409, json: { error: { code: 'busy', message: 'in a call' } } }));
    await machine.call({ id: 'ben', name: 'Ben Müller' });
    await waitUntil(() => popup(el, '.outgoing')?.dataset.outcome === 'busy');
    expect(popup(el, '.outgoing')!.textContent).to.contain('Ben Müller is in another call.');
  });

  it('hang up while it rings cancels the call', async () => {
    realtime.userId = 'anna';
    try {
      const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
      const call = incoming();
      service.on('POST /v1/calls', () => ({ status: 201, json: { call, token: 't', url: 'ws://media.test' } }));
      service.on('POST /v1/calls/:id/cancel', () => ({ status: 200, json: { call: { ...call, state: 'ended', outcome: 'cancelled' } } }));
      await machine.call({ id: 'ben', name: 'Ben Müller' });
      await waitUntil(() => popup(el, '.outgoing .hangup'));
      button(el, '.hangup').click();
      await service.next(/cancel$/);
      await waitUntil(() => popup(el, '.outgoing')?.dataset.outcome === 'cancelled');
    } finally {
      realtime.userId = 'ben';
    }
  });

  it('shows an error the user understands when the service cannot be reached', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    service.uninstall();
    window.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = oneEvent(document, 'timio-call-error');
    await machine.call({ id: 'ben', name: 'Ben Müller' });
    expect((await error).detail.code).to.equal('network_error');
    await waitUntil(() => popup(el, '.outgoing')?.textContent?.includes('Der Anrufdienst ist nicht erreichbar.'));
    service.install();
  });

  it('room ring: "Einladung zur Videobesprechung" with "Teilnehmen"; joining reports the room', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    const ring = { id: 'ring-1', room: 'team', roomName: 'Team <Vertrieb>', caller: { id: 'anna', name: 'Anna Schmidt' }, at: new Date().toISOString() };
    const announced = oneEvent(el, 'timio-room-ring');
    realtime.sendRoomRing(ring);
    await announced;
    await waitUntil(() => popup(el, '.ring'));
    expect(popup(el, '.ring')!.textContent).to.contain('Einladung zur Videobesprechung');
    expect(popup(el, '.ring')!.textContent).to.contain('Anna Schmidt ruft alle Mitglieder von „Team <Vertrieb>“ zu einer Besprechung.');
    expect(button(el, '.ring .accept').textContent!.trim()).to.equal('Teilnehmen');
    expect(el.ringing).to.equal(true);
    await entered(el);
    await expect(el).to.be.accessible();
    const accepted = oneEvent(document, 'timio-room-ring-accept');
    const requested = oneEvent(document, 'timio-conference-request');
    conferences.length = 0;
    button(el, '.ring .accept').click();
    expect((await accepted).detail.room).to.equal('team');
    expect((await requested).detail).to.deep.equal({ room: 'team', roomName: 'Team <Vertrieb>', prejoin: false });
    await waitUntil(() => !popup(el, '.ring'));
    expect(el.ringing).to.equal(false);
    // Straight into the conference on this page, without the pre-join.
    await waitUntil(() => conferences.length === 1, 'the conference opened');
    expect(conferences[0]).to.deep.equal({ room: 'team', roomName: 'Team <Vertrieb>', prejoin: false });
  });

  it('a colleague rung straight into a meeting (direct): "Teilnehmen" / "Ablehnen", in English "Join" / "Decline"', async () => {
    for (const lang of ['de', 'en'] as const) {
      const el = await fixture<TimioNotifications>(html`<timio-notifications lang=${lang}></timio-notifications>`);
      realtime.sendRoomRing({ id: `ring-direct-${lang}`, room: 'call-x', roomName: 'Anna Schmidt, Ben Müller', caller: { id: 'anna', name: 'Anna Schmidt' }, at: new Date().toISOString(), direct: true });
      await waitUntil(() => popup(el, '.ring'));
      expect(popup(el, '.ring')!.textContent).to.contain(lang === 'de' ? 'Anna Schmidt ruft Sie in die Besprechung „Anna Schmidt, Ben Müller“.' : 'Anna Schmidt is calling you into the meeting “Anna Schmidt, Ben Müller”.');
      expect(button(el, '.ring .accept').textContent!.trim()).to.equal(lang === 'de' ? 'Teilnehmen' : 'Join');
      expect(button(el, '.ring .dismiss').textContent!.trim()).to.equal(lang === 'de' ? 'Ablehnen' : 'Decline');
      await entered(el);
      await expect(el).to.be.accessible();
      service.on(`POST /v1/rooms/call-x/ring/decline`, () => ({ status: 200, json: { declined: true } }));
      button(el, '.ring .dismiss').click();
      await service.next('/v1/rooms/call-x/ring/decline');
      await waitUntil(() => !popup(el, '.ring'));
      el.remove();
    }
  });

  it('a silent invitation (signed in late, or busy) shows without the ring tone', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    realtime.sendRoomRing({ id: 'ring-silent', room: 'team', roomName: 'Team', caller: { id: 'anna', name: 'Anna Schmidt' }, at: new Date().toISOString(), silent: true });
    await waitUntil(() => popup(el, '.ring'));
    expect(popup(el, '.ring')!.dataset.silent).to.equal('true');
    expect(el.ringing).to.equal(false);
    await entered(el);
    await expect(el).to.be.accessible();
    // "Später" declines at the service, so the invitation ends on the user's other pages too.
    service.on('POST /v1/rooms/team/ring/decline', () => ({ status: 200, json: { declined: true } }));
    button(el, '.ring .dismiss').click();
    const declined = await service.next('/v1/rooms/team/ring/decline');
    expect(declined.method).to.equal('POST');
    await waitUntil(() => !popup(el, '.ring'));
  });

  it('in a call, "Teilnehmen" first asks to leave it; confirmed, it hangs up and joins the conference', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="de"></timio-notifications>`);
    const call = answerableCall();
    realtime.sendCall(call);
    await waitUntil(() => popup(el));
    button(el, '.accept').click();
    await waitUntil(() => machine.snapshot().active, 'the call is active');
    conferences.length = 0;
    realtime.sendRoomRing({ id: 'ring-busy', room: 'team', roomName: 'Team', caller: { id: 'carla', name: 'Carla Rossi' }, at: new Date().toISOString(), silent: true });
    await waitUntil(() => popup(el, '.ring'));
    button(el, '.ring .accept').click();
    await waitUntil(() => popup(el, '.ring')!.textContent!.includes('Sie sind in einem Gespräch'), 'the question');
    expect(button(el, '.ring .dismiss').textContent!.trim()).to.equal('Abbrechen');
    expect(machine.snapshot().active).to.not.equal(undefined);
    await entered(el);
    await expect(el).to.be.accessible();
    button(el, '.ring .accept').click();
    await service.next(/\/end$/);
    await waitUntil(() => conferences.length === 1, 'the conference opened');
    expect(conferences[0]).to.deep.equal({ room: 'team', roomName: 'Team', prejoin: false });
    expect(machine.snapshot().active).to.equal(undefined);
  });

  it('room ring ends by itself when the service says so, and a host can suppress it', async () => {
    const el = await fixture<TimioNotifications>(html`<timio-notifications lang="en"></timio-notifications>`);
    const ring = { id: 'ring-2', room: 'team', roomName: 'Team', caller: { id: 'anna', name: 'Anna Schmidt' }, at: new Date().toISOString() };
    realtime.sendRoomRing(ring);
    await waitUntil(() => popup(el, '.ring'));
    expect(popup(el, '.ring')!.textContent).to.contain('Invitation to a video meeting');
    realtime.endRoomRing('ring-2');
    await waitUntil(() => !popup(el, '.ring'));
    el.addEventListener('timio-room-ring', (e) => e.preventDefault(), { once: true });
    realtime.sendRoomRing({ ...ring, id: 'ring-3' });
    await el.updateComplete;
    expect(popup(el, '.ring')).to.equal(null);
  });
});
