// The call state machine without any element: what each side shows and which host events it
// reports, for every outcome of docs/contracts.md, fed the way the token service feeds it.
import { expect } from '@open-wc/testing';
import type { CallGrant } from '../api/token-service-client.js';
import { TimioApiError } from '../api/api-error.js';
import type { CallInfo } from '#protocol/realtime.js';
import { CallMachine } from './call-machine.js';
import type { CallApi, CallWindow, CallWindowSetup, HostCallEvent } from './call-types.js';
import { MemoryCallResumeStore } from '../../../testing/browser/memory-call-resume-store.js';
import '../../../testing/browser/fake-token-service.js';
import { waitUntil } from '../../../testing/wait.js';

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller' };
// When the call was made and answered: a minute before the test runs, never a fixed day.
const t0 = new Date(Date.now() - 60_000).toISOString();

function call(patch: Partial<CallInfo> = {}): CallInfo {
  return { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', room: 'call-a', caller: anna, callee: ben, state: 'ringing', createdAt: t0, ...patch };
}

/** Answers like the token service; records what was asked. */
class Service implements CallApi {
  asked: string[] = [];
  startResult: () => Promise<CallGrant> = async () => ({ call: call(), token: 'caller-token', url: 'ws://media' });
  async startCall(callee: string) {
    this.asked.push(`start ${callee}`);
    return this.startResult();
  }
  async acceptCall(id: string, page?: string) {
    this.asked.push(`accept ${id} ${page}`);
    return { call: call({ id, state: 'active', answeredAt: t0 }), token: 'callee-token', url: 'ws://media' };
  }
  async declineCall(id: string) {
    this.asked.push(`decline ${id}`);
    return call({ id, state: 'ended', outcome: 'declined', endedAt: t0 });
  }
  async cancelCall(id: string) {
    this.asked.push(`cancel ${id}`);
    return call({ id, state: 'ended', outcome: 'cancelled', endedAt: t0 });
  }
  async endCall(id: string) {
    this.asked.push(`end ${id}`);
    return call({ id, state: 'ended', outcome: 'completed', answeredAt: t0, endedAt: t0, durationSeconds: 42 });
  }
}

function setup(self: string) {
  const api = new Service();
  const windows: Array<{ grant: CallGrant; onEnd: (r: string) => void; updates: CallInfo[]; closed: boolean }> = [];
  const machine = new CallMachine({
    api,
    selfId: () => self,
    pageId: () => 'page-7',
    openWindow: async (grant, onEnd) => {
      const w = { grant, onEnd, updates: [] as CallInfo[], closed: false };
      windows.push(w);
      const handle: CallWindow = { update: (c) => w.updates.push(c), close: async () => void (w.closed = true) };
      return handle;
    },
  });
  const events: HostCallEvent[] = [];
  machine.onHostEvent((e) => events.push(e));
  const types = () => events.map((e) => e.type);
  return { api, machine, windows, events, types };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('CallMachine, caller side', () => {
  it('rings, then opens the window with the caller\'s token when the callee answers, and reports the duration at the end', async () => {
    const { api, machine, windows, events, types } = setup('anna');
    const pending = machine.call(ben);
    expect(machine.snapshot().outgoing?.phase).to.equal('calling');
    expect(machine.inCall).to.equal(true);
    await pending;
    expect(api.asked).to.deep.equal(['start ben']);
    expect(machine.snapshot().outgoing?.phase).to.equal('ringing');
    machine.handleCall(call()); // the realtime echo of the same state reports nothing new
    expect(types()).to.deep.equal(['started']);

    machine.handleCall(call({ state: 'active', answeredAt: t0 }));
    await settle();
    expect(windows).to.have.length(1);
    expect(windows[0]!.grant.token).to.equal('caller-token');
    expect(machine.snapshot().active?.state).to.equal('active');
    expect(machine.snapshot().outgoing).to.equal(undefined);
    expect(types()).to.deep.equal(['started', 'answered']);

    machine.handleCall(call({ state: 'ended', outcome: 'completed', answeredAt: t0, endedAt: t0, durationSeconds: 65 }));
    await settle();
    expect(windows[0]!.closed).to.equal(true);
    expect(machine.snapshot().active).to.equal(undefined);
    expect(types()).to.deep.equal(['started', 'answered', 'ended']);
    const ended = events[2] as { call: CallInfo };
    expect(ended.call.outcome).to.equal('completed');
    expect(ended.call.durationSeconds).to.equal(65);
    expect(machine.inCall).to.equal(false);
  });

  for (const outcome of ['declined', 'no_answer', 'cancelled'] as const) {
    it(`shows "${outcome}" and reports the ended call`, async () => {
      const { machine, types } = setup('anna');
      await machine.call(ben);
      machine.handleCall(call({ state: 'ended', outcome, endedAt: t0 }));
      expect(machine.snapshot().outgoing).to.include({ phase: 'ended', outcome });
      expect(machine.inCall).to.equal(false);
      expect(types()).to.deep.equal(['started', 'ended']);
      await machine.cancel(); // "Schließen"
      expect(machine.snapshot().outgoing).to.equal(undefined);
    });
  }

  it('shows "busy" when the service answers 409 busy', async () => {
    const { machine, types } = setup('anna');
    const { api } = { api: (machine as unknown as { options: { api: Service } }).options.api };
    api.startResult = async () => {
      throw new TimioApiError(409, 'busy', 'ben is in another call', call({ state: 'ended', outcome: 'busy' }));
    };
    await machine.call(ben);
    expect(machine.snapshot().outgoing).to.include({ phase: 'ended', outcome: 'busy' });
    expect(types()).to.deep.equal(['started', 'ended']);
  });

  it('reports a failure with the service\'s error code', async () => {
    const { machine, events } = setup('anna');
    (machine as unknown as { options: { api: Service } }).options.api.startResult = async () => {
      throw new TimioApiError(0, 'network_error', 'unreachable');
    };
    await machine.call(ben);
    expect(machine.snapshot().outgoing).to.include({ phase: 'ended', outcome: 'failed' });
    expect(machine.snapshot().outgoing?.error?.code).to.equal('network_error');
    expect(events.map((e) => e.type)).to.deep.equal(['error']);
  });

  it('opens the window when the answer overtook the service\'s reply to the call (events first)', async () => {
    const { api, machine, windows, types } = setup('anna');
    let reply!: () => void;
    api.startResult = () => new Promise((resolve) => (reply = () => resolve({ call: call(), token: 'caller-token', url: 'ws://media' })));
    const pending = machine.call(ben);
    await settle();
    machine.handleCall(call()); // ringing, before the 201
    machine.handleCall(call({ state: 'active', answeredAt: t0 })); // Ben answered at once
    expect(machine.snapshot().outgoing?.phase).to.equal('calling');
    reply();
    await pending;
    await settle();
    expect(windows).to.have.length(1);
    expect(windows[0]!.grant.token).to.equal('caller-token');
    expect(machine.snapshot().active?.state).to.equal('active');
    expect(machine.snapshot().elsewhere).to.equal(undefined);
    expect(types()).to.deep.equal(['started', 'answered']);
  });

  it('cancel while ringing asks the service to cancel', async () => {
    const { api, machine, types } = setup('anna');
    await machine.call(ben);
    await machine.cancel();
    expect(api.asked).to.deep.equal(['start ben', `cancel ${call().id}`]);
    expect(machine.snapshot().outgoing).to.include({ phase: 'ended', outcome: 'cancelled' });
    expect(types()).to.deep.equal(['started', 'ended']);
  });

  it('hanging up in the window ends the call at the service', async () => {
    const { api, machine, windows } = setup('anna');
    await machine.call(ben);
    machine.handleCall(call({ state: 'active', answeredAt: t0 }));
    await settle();
    windows[0]!.onEnd('hangup');
    await settle();
    expect(api.asked.at(-1)).to.equal(`end ${call().id}`);
    expect(machine.snapshot().active).to.equal(undefined);
  });
});

describe('CallMachine, a call converted into a meeting (issue 27)', () => {
  it('both sides: no "ended" notice in the window, ended with reason converted, the window hands over to the meeting', async () => {
    for (const self of ['anna', 'ben']) {
      const api = new Service();
      const converted: CallInfo[] = [];
      const windows: Array<{ updates: CallInfo[]; closed: boolean }> = [];
      const machine = new CallMachine({
        api, selfId: () => self, pageId: () => 'p',
        openWindow: async () => {
          const w = { updates: [] as CallInfo[], closed: false };
          windows.push(w);
          return { update: (c) => w.updates.push(c), close: async () => void (w.closed = true), convert: async (c) => void converted.push(c) };
        },
      });
      const events: HostCallEvent[] = [];
      machine.onHostEvent((e) => events.push(e));
      const active = call({ state: 'active', answeredAt: t0 });
      if (self === 'anna') {
        api.startResult = async () => ({ call: call(), token: 't', url: 'ws://media' });
        await machine.call(ben);
        machine.handleCall(active);
      } else {
        machine.handleCall(call());
        await machine.accept(active.id);
      }
      await waitUntil(() => windows.length === 1 && machine.snapshot().active, 'the window is open');
      const meeting = { room: 'call-a', name: 'Anna Schmidt, Ben Müller' };
      const ended = call({ state: 'ended', outcome: 'completed', reason: 'converted', meeting, answeredAt: t0, endedAt: t0, durationSeconds: 30 });
      machine.handleCall(ended);
      await settle();
      expect(windows[0]!.updates, `${self}: no "Gespräch beendet" notice`).to.deep.equal([]);
      expect(windows[0]!.closed, `${self}: the window is not closed (its session goes on)`).to.equal(false);
      expect(converted.map((c) => c.meeting), `${self}: handed over`).to.deep.equal([meeting]);
      const end = events.find((e) => e.type === 'ended') as { call: CallInfo } | undefined;
      expect(end?.call.reason, `${self}: timio-call-ended says converted`).to.equal('converted');
      expect(events.some((e) => e.type === 'missed')).to.equal(false);
      expect(machine.snapshot().active).to.equal(undefined);
      expect(machine.inCall).to.equal(false);
      // The realtime frame after the POST's answer (or the other way round) changes nothing.
      machine.handleCall(ended);
      await settle();
      expect(converted).to.have.length(1);
      expect(events.filter((e) => e.type === 'ended')).to.have.length(1);
    }
  });
});

describe('CallMachine, callee side', () => {
  it('rings, accepts with the page id and opens the window with the callee\'s token', async () => {
    const { api, machine, windows, types } = setup('ben');
    machine.handleCall(call());
    expect(machine.snapshot().incoming.map((i) => i.phase)).to.deep.equal(['ringing']);
    expect(types()).to.deep.equal(['started']);
    await machine.accept(call().id);
    expect(api.asked).to.deep.equal([`accept ${call().id} page-7`]);
    expect(machine.snapshot().incoming).to.have.length(0);
    expect(windows[0]!.grant.token).to.equal('callee-token');
    machine.handleCall(call({ state: 'active', answeredAt: t0 }));
    expect(types()).to.deep.equal(['started', 'answered']);
    expect(windows[0]!.updates).to.have.length(1);
    // The partner hangs up: the window is told the call ended (for its notice), then closed.
    machine.handleCall(call({ state: 'ended', answeredAt: t0, outcome: 'completed' }));
    expect(windows[0]!.updates.at(-1)!.state).to.equal('ended');
    await waitUntil(() => windows[0]!.closed, 'window closed');
  });

  it('stops ringing when another page of the user answered', () => {
    const { machine, types } = setup('ben');
    machine.handleCall(call());
    machine.handleCall(call({ state: 'active', answeredAt: t0, answeredElsewhere: true }));
    expect(machine.snapshot().incoming).to.have.length(0);
    expect(machine.snapshot().active).to.equal(undefined);
    expect(types()).to.deep.equal(['started', 'answered']);
  });

  it('declining stops the ring at once and is not a missed call', async () => {
    const { api, machine, types } = setup('ben');
    machine.handleCall(call());
    const pending = machine.decline(call().id);
    expect(machine.snapshot().incoming).to.have.length(0);
    await pending;
    expect(api.asked).to.deep.equal([`decline ${call().id}`]);
    expect(types()).to.deep.equal(['started', 'ended']);
  });

  for (const outcome of ['no_answer', 'cancelled'] as const) {
    it(`a call that ends unanswered (${outcome}) is reported missed`, () => {
      const { machine, types } = setup('ben');
      machine.handleCall(call());
      machine.handleCall(call({ state: 'ended', outcome, endedAt: t0 }));
      expect(machine.snapshot().incoming).to.have.length(0);
      expect(types()).to.deep.equal(['started', 'missed', 'ended']);
      // A late duplicate is not reported again, and does not ring again.
      machine.handleCall(call({ state: 'ended', outcome, endedAt: t0 }));
      machine.handleCall(call());
      expect(types()).to.deep.equal(['started', 'missed', 'ended']);
      expect(machine.snapshot().incoming).to.have.length(0);
    });
  }
});

describe('CallMachine across page loads (the tab keeps its call)', () => {
  /** One page of the tab: a machine with the browser's store, a service that joins and reports. */
  function page(store: MemoryCallResumeStore, self = 'anna') {
    const api = new (class extends Service {
      current?: CallInfo;
      stored = new Map<string, CallInfo>();
      async currentCall() {
        return this.current;
      }
      async getCall(id: string) {
        this.asked.push(`get ${id}`);
        const c = this.stored.get(id);
        if (!c) throw new TimioApiError(404, 'not_found', 'no such call');
        return c;
      }
      async joinCall(id: string) {
        this.asked.push(`join ${id}`);
        return { call: call({ id, state: 'active', answeredAt: t0 }), token: 'fresh-token', url: 'ws://media' };
      }
    })();
    const windows: Array<{ grant: CallGrant; setup?: CallWindowSetup; closed: boolean }> = [];
    const machine = new CallMachine({
      api, selfId: () => self, resumeStore: store,
      openWindow: async (grant, _onEnd, setup) => {
        const w = { grant, setup, closed: false };
        windows.push(w);
        return { update: () => undefined, close: async () => void (w.closed = true) };
      },
    });
    const events: HostCallEvent[] = [];
    machine.onHostEvent((e) => events.push(e));
    return { api, machine, windows, types: () => events.map((e) => e.type), events };
  }
  const active = call({ state: 'active', answeredAt: t0 });

  it('the next page of the tab takes the active call over with a fresh token, the window as it was, and sends resumed instead of started', async () => {
    const store = new MemoryCallResumeStore();
    const first = page(store);
    await first.machine.call(ben);
    first.machine.handleCall(active);
    await settle();
    expect(first.types()).to.deep.equal(['started', 'answered']);
    first.windows[0]!.setup!.onLayout!({ corner: 'top-left', camera: false, microphone: true, sharing: true });
    expect(store.tabCall()).to.deep.equal({ id: active.id, layout: { corner: 'top-left', camera: false, microphone: true, sharing: true } });
    store.release(active.id); // the page goes (the browser drops its lock)

    const next = page(store);
    next.machine.handleCall(active); // the service tells the new page of the running call
    next.machine.handleCall(active); // and reconcile asks again: one take-over
    await waitUntil(() => next.windows.length === 1, 'the window opens again');
    expect(next.api.asked).to.deep.equal(['join aaaaaaaaaaaaaaaaaaaaaaaa']);
    expect(next.windows[0]!.grant.token).to.equal('fresh-token');
    expect(next.windows[0]!.setup?.layout).to.deep.equal({ corner: 'top-left', camera: false, microphone: true, sharing: true });
    expect(next.types()).to.deep.equal(['resumed']);
    expect(next.machine.snapshot().active?.id).to.equal(active.id);

    next.machine.handleCall(call({ state: 'ended', outcome: 'completed', answeredAt: t0, endedAt: t0, durationSeconds: 300 }));
    await settle();
    expect(next.types()).to.deep.equal(['resumed', 'ended']);
    expect(next.windows[0]!.closed).to.equal(true);
    expect(store.tabCall()).to.equal(undefined);
    expect(store.unfinished('anna')).to.deep.equal([]);
  });

  it('the next page connects with the token its previous page left, without waiting for the join; the join\'s fresh token is kept for the page after', async () => {
    const store = new MemoryCallResumeStore();
    const first = page(store);
    await first.machine.call(ben);
    first.machine.handleCall(active);
    await waitUntil(() => store.kept?.token === 'caller-token', 'the window\'s token is kept');
    store.pageGoes();

    const next = page(store);
    let answer!: (g: CallGrant) => void;
    next.api.joinCall = (id: string) => {
      next.api.asked.push(`join ${id}`);
      return new Promise<CallGrant>((resolve) => (answer = resolve));
    };
    expect(next.machine.prepareResume()).to.equal(active.id);
    await waitUntil(() => next.windows.length === 1, 'the window opens while the join is under way');
    expect(next.windows[0]!.grant.token).to.equal('caller-token');
    expect(next.api.asked).to.deep.equal([`join ${active.id}`]);
    expect(next.types()).to.deep.equal(['resumed']);

    answer({ call: active, token: 'fresh-token', url: 'ws://media' });
    await waitUntil(() => store.kept?.token === 'fresh-token', 'the fresh token is kept for the next page');
    expect(next.windows[0]!.closed).to.equal(false);
    // Taken once: a page after a reload that left nothing joins as before.
    expect(store.takeGrant(active.id)).to.equal(undefined);
  });

  it('the call ended while the page changed: the join\'s answer closes the window the kept token opened', async () => {
    const store = new MemoryCallResumeStore();
    const first = page(store);
    await first.machine.call(ben);
    first.machine.handleCall(active);
    await waitUntil(() => store.kept !== undefined, 'the window\'s token is kept');
    store.pageGoes();

    const next = page(store);
    const ended = call({ state: 'ended', outcome: 'completed', answeredAt: t0, endedAt: t0, durationSeconds: 30 });
    let refuse!: () => void;
    next.api.joinCall = () => new Promise<CallGrant>((_resolve, reject) => (refuse = () => reject(new TimioApiError(409, 'call_ended', 'the call is over (completed)', ended))));
    next.machine.prepareResume();
    await waitUntil(() => next.windows.length === 1, 'the window opens with the kept token');
    refuse();
    await waitUntil(() => next.windows[0]!.closed, 'the window closes');
    expect(next.machine.snapshot().active).to.equal(undefined);
    expect(next.types()).to.deep.equal(['resumed', 'ended']);
    expect(store.tabCall()).to.equal(undefined);
  });

  it('another tab (no marker) and a duplicated tab (marker, but the call is held) show the call as held elsewhere, without joining', async () => {
    const store = new MemoryCallResumeStore();
    const holder = page(store);
    await holder.machine.call(ben);
    holder.machine.handleCall(active);
    await settle();

    const otherTab = page(new MemoryCallResumeStore());
    otherTab.machine.handleCall(active);
    await settle();
    expect(otherTab.machine.snapshot().elsewhere?.id).to.equal(active.id);
    expect(otherTab.api.asked).to.deep.equal([]);

    const duplicate = page(store); // same marker, lock still held by the holder
    duplicate.machine.handleCall(active);
    await waitUntil(() => !!duplicate.machine.snapshot().elsewhere, 'shown as elsewhere');
    expect(duplicate.api.asked).to.deep.equal([]);
    expect(duplicate.windows).to.have.length(0);
    expect(duplicate.types()).to.not.include('started');
  });

  it('a ringing outgoing call follows the caller to her next page: she can hang up there; answered, the window opens there', async () => {
    const store = new MemoryCallResumeStore();
    const first = page(store);
    await first.machine.call(ben);
    expect(store.tabCall()?.id).to.equal(call().id);

    const next = page(store);
    next.machine.handleCall(call());
    expect(next.machine.snapshot().outgoing).to.include({ phase: 'ringing' });
    expect(next.types()).to.deep.equal(['resumed']);
    next.machine.handleCall(active);
    await waitUntil(() => next.windows.length === 1, 'the window opens on the new page');
    expect(next.api.asked).to.deep.equal(['join aaaaaaaaaaaaaaaaaaaaaaaa']);
    expect(next.types()).to.deep.equal(['resumed', 'answered']);

    // Once more, and she hangs up while it rings.
    const store2 = new MemoryCallResumeStore();
    await page(store2).machine.call(ben);
    const third = page(store2);
    third.machine.handleCall(call());
    await third.machine.cancel();
    expect(third.api.asked).to.deep.equal(['cancel aaaaaaaaaaaaaaaaaaaaaaaa']);
    expect(third.machine.snapshot().outgoing).to.include({ phase: 'ended', outcome: 'cancelled' });
  });

  it('the next page sends the ended (and missed) that the page which had the call never sent', async () => {
    const store = new MemoryCallResumeStore();
    const first = page(store, 'ben');
    first.machine.handleCall(call()); // Ben's page rings, then goes away
    expect(first.types()).to.deep.equal(['started']);

    const next = page(store, 'ben');
    next.api.stored.set(call().id, call({ state: 'ended', outcome: 'no_answer', endedAt: t0, durationSeconds: 0 }));
    await next.machine.reconcile();
    await waitUntil(() => next.types().includes('ended'), 'the missing end arrives');
    expect(next.api.asked).to.deep.equal(['get aaaaaaaaaaaaaaaaaaaaaaaa']);
    expect(next.types()).to.deep.equal(['missed', 'ended']);
    expect(store.unfinished('ben')).to.deep.equal([]);
    // Asked once: the next ready does not ask again.
    await next.machine.reconcile();
    await settle();
    expect(next.api.asked).to.have.length(1);
  });
});
