// The light part's calls before and after the call machine's chunk is there: a ring shows at once
// (the popup never waits for the download), actions and events reach the machine in order once it
// loads, and a page with nothing to resume asks the service itself, loading the chunk only when a
// call rings or runs.
import { expect } from '@open-wc/testing';
import type { CallInfo } from '#protocol/realtime.js';
import type { CallGrant } from '../api/token-service-client.js';
import { PageCalls } from './page-calls.js';
import type { CallApi, CallSnapshot, HostCallEvent } from './call-types.js';
import { waitUntil } from '../../../testing/wait.js';

const anna = { id: 'anna', name: 'Anna Schmidt' };
const ben = { id: 'ben', name: 'Ben Müller' };
const t0 = new Date(Date.now() - 5_000).toISOString();
let n = 0;
function ring(): CallInfo {
  n++;
  return { id: `${String(n).padStart(2, '0')}${'e'.repeat(22)}`, room: 'call-e', caller: anna, callee: ben, state: 'ringing', createdAt: t0 };
}

/** The service as Ben's page sees it; records what was asked. */
class Service implements CallApi {
  asked: string[] = [];
  current?: CallInfo;
  async startCall(): Promise<CallGrant> { throw new Error('not used'); }
  async acceptCall(id: string) {
    this.asked.push(`accept ${id}`);
    return { call: { ...ring(), id, state: 'active' as const, answeredAt: new Date().toISOString() }, token: 't', url: 'ws://media' };
  }
  async declineCall(id: string) {
    this.asked.push(`decline ${id}`);
    return { ...ring(), id, state: 'ended' as const, outcome: 'declined' as const };
  }
  async cancelCall(): Promise<CallInfo> { throw new Error('not used'); }
  async endCall(id: string) { return { ...ring(), id, state: 'ended' as const, outcome: 'completed' as const }; }
  async currentCall() {
    this.asked.push('current');
    return this.current;
  }
}

/** A calls chunk that arrives only when the test lets it. */
function heldBackChunk() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let asked = 0;
  return {
    load: async () => {
      asked++;
      await gate;
      return import('./page-machine.js');
    },
    release: () => release(),
    asked: () => asked,
  };
}

function page(chunk: ReturnType<typeof heldBackChunk>, service = new Service()) {
  const opened: CallGrant[] = [];
  const calls = new PageCalls({
    api: service, selfId: () => 'ben', pageId: () => 'page-1', loadMachine: chunk.load,
    openWindow: async (grant) => {
      opened.push(grant);
      return { update: () => undefined, close: async () => undefined };
    },
  });
  const snapshots: CallSnapshot[] = [];
  const events: HostCallEvent[] = [];
  calls.subscribe((s) => snapshots.push(s));
  calls.onHostEvent((e) => events.push(e));
  return { calls, service, opened, snapshots, events };
}

describe('PageCalls (the light part in front of the call machine)', () => {
  beforeEach(() => {
    sessionStorage.removeItem('timio:tab-call');
    localStorage.removeItem('timio:calls:ben');
  });

  it('shows a ring at once, before the calls chunk is there, and starts loading it', async () => {
    const chunk = heldBackChunk();
    const { calls, snapshots } = page(chunk);
    const call = ring();
    calls.handleCall(call);
    expect(calls.snapshot().incoming.map((i) => [i.call.id, i.phase])).to.deep.equal([[call.id, 'ringing']]);
    expect(snapshots.at(-1)?.incoming).to.have.length(1);
    expect(chunk.asked()).to.equal(1);
    chunk.release();
    await waitUntil(() => calls.snapshot() !== snapshots[0] && snapshots.length >= 2, 'the machine took over');
    expect(calls.snapshot().incoming.map((i) => i.call.id)).to.deep.equal([call.id]);
  });

  it('an accept pressed before the chunk arrived answers the call once it is there, and the window opens', async () => {
    const chunk = heldBackChunk();
    const { calls, service, opened, events } = page(chunk);
    const call = ring();
    calls.handleCall(call);
    const accepted = calls.accept(call.id);
    expect(service.asked).to.deep.equal([]);
    chunk.release();
    await accepted;
    expect(service.asked).to.deep.equal([`accept ${call.id}`]);
    await waitUntil(() => opened.length === 1, 'the window opens');
    expect(calls.snapshot().active?.id).to.equal(call.id);
    expect(events.map((e) => e.type)).to.deep.equal(['started', 'answered']);
  });

  it('a ring that ended before the chunk arrived is gone here and reported as missed once it is there', async () => {
    const chunk = heldBackChunk();
    const { calls, events } = page(chunk);
    const call = ring();
    calls.handleCall(call);
    calls.handleCall({ ...call, state: 'ended', outcome: 'cancelled', endedAt: new Date().toISOString(), durationSeconds: 0 });
    expect(calls.snapshot().incoming).to.deep.equal([]);
    chunk.release();
    await waitUntil(() => events.some((e) => e.type === 'ended'), 'the machine reports the end');
    expect(events.map((e) => e.type)).to.deep.equal(['started', 'missed', 'ended']);
  });

  it('on ready, a page with nothing to resume asks the service itself and does not load the chunk when nothing rings', async () => {
    const chunk = heldBackChunk();
    const { calls, service } = page(chunk);
    await calls.reconcile();
    expect(service.asked).to.deep.equal(['current']);
    expect(chunk.asked()).to.equal(0);
    expect(calls.inCall).to.equal(false);
  });

  it('on ready, a call the service says rings loads the chunk and shows it', async () => {
    const chunk = heldBackChunk();
    const service = new Service();
    service.current = ring();
    const { calls } = page(chunk, service);
    await calls.reconcile();
    expect(chunk.asked()).to.equal(1);
    expect(calls.snapshot().incoming.map((i) => i.call.id)).to.deep.equal([service.current.id]);
    chunk.release();
  });

  it('on ready, a tab that held a call loads the chunk for the machine to resume it', async () => {
    sessionStorage.setItem('timio:tab-call', JSON.stringify({ id: ring().id }));
    const chunk = heldBackChunk();
    const { calls } = page(chunk);
    expect(calls.prepareResume()).to.equal(`${String(n).padStart(2, '0')}${'e'.repeat(22)}`);
    expect(chunk.asked()).to.equal(1);
    chunk.release();
    sessionStorage.removeItem('timio:tab-call');
  });

  it('a tab that held a call asks for its token before the chunk arrives, and the machine resumes with that answer', async () => {
    const held = { ...ring(), state: 'active' as const, answeredAt: t0 };
    sessionStorage.setItem('timio:tab-call', JSON.stringify({ id: held.id }));
    const service = new (class extends Service {
      async joinCall(id: string) {
        this.asked.push(`join ${id}`);
        return { call: held, token: 't', url: 'ws://media' };
      }
    })();
    const chunk = heldBackChunk();
    const { calls, opened } = page(chunk, service);
    try {
      calls.prepareResume();
      expect(service.asked).to.deep.equal([`join ${held.id}`], 'asked while the chunk is still on its way');
      chunk.release();
      await waitUntil(() => opened.length === 1, 'the resumed window opens');
      expect(opened[0]!.call.id).to.equal(held.id);
      expect(service.asked).to.deep.equal([`join ${held.id}`], 'the machine asked no second time');
      expect(calls.snapshot().active?.id).to.equal(held.id);
    } finally {
      sessionStorage.removeItem('timio:tab-call');
    }
  });
});
