// The SDK's call state machine in Node, wired as a portal page wires it (realtime client with `ws`,
// REST client, reconcile on every `ready`), against the real token service: a caller whose call the
// service no longer knows after a restart is not left ringing; other pages of the same user show
// the call as their own state.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import WebSocket from 'ws';
import { TokenServiceClient } from '../../../sdk/src/api/token-service-client.js';
import { portalCredentials } from '../../../sdk/src/api/credentials.js';
import { CallMachine } from '../../../sdk/src/calls/call-machine.js';
import type { CallWindow } from '../../../sdk/src/calls/call-types.js';
import { RealtimeClient } from '../../../sdk/src/realtime/realtime-client.js';
import type { CallGrant } from '#protocol/rest.js';
import { portalToken, startService, fastSettings, type RunningService } from './service.js';
import { waitUntil } from '../../../testing/wait.js';

/** One portal page of `user`: its realtime connection and call machine, as page-services wires them. */
function portalPage(svc: { url: string }, user: string) {
  const realtime = new RealtimeClient({ url: svc.url, WebSocket, getToken: async () => portalToken(user), reconnectMinMs: 50, reconnectMaxMs: 300 });
  const api = new TokenServiceClient({ baseUrl: svc.url, credentials: portalCredentials(async () => portalToken(user)) });
  const windows: CallGrant[] = [];
  const machine = new CallMachine({
    api,
    selfId: () => realtime.userId,
    pageId: () => realtime.pageId,
    openWindow: async (grant): Promise<CallWindow> => {
      windows.push(grant);
      return { update: () => undefined, close: async () => undefined };
    },
  });
  realtime.onCall((call) => machine.handleCall(call));
  realtime.onReady(() => void machine.reconcile());
  return { realtime, machine, windows, close: () => realtime.close() };
}

describe('SDK call state against the real token service', () => {
  const running: RunningService[] = [];
  after(async () => { await Promise.all(running.map((s) => s.close().catch(() => undefined))); });

  it('a caller whose ringing call the service lost in a restart is not left ringing', async () => {
    const svc = await startService({ ...fastSettings, ringTimeoutMs: 60_000 });
    running.push(svc);
    const port = (svc.server.address() as AddressInfo).port;
    const anna = portalPage(svc, 'anna');
    const ben = portalPage(svc, 'ben');
    try {
      await waitUntil(() => anna.realtime.state === 'ready' && ben.realtime.state === 'ready', 'both pages ready');
      await anna.machine.call({ id: 'ben', name: 'Ben Müller' });
      assert.equal(anna.machine.snapshot().outgoing?.phase, 'ringing');
      assert.equal(anna.machine.inCall, true, 'her call buttons wait while it rings');
      await waitUntil(() => ben.machine.snapshot().incoming.length === 1, 'ben rings');

      // The service restarts (one process, no Redis: what it knew is gone); the pages reconnect.
      await svc.close();
      running.pop();
      const again = await startService({ ...fastSettings, ringTimeoutMs: 60_000 }, {}, port);
      running.push(again);
      await waitUntil(() => anna.machine.snapshot().outgoing?.phase !== 'ringing', 'anna not ringing any more');
      assert.equal(anna.machine.snapshot().outgoing?.phase, 'ended');
      assert.equal(anna.machine.inCall, false, 'her call buttons work again');
      await waitUntil(() => ben.machine.snapshot().incoming.length === 0, 'ben stops ringing');

      // And she can call again.
      await anna.machine.cancel();
      await anna.machine.call({ id: 'ben', name: 'Ben Müller' });
      assert.equal(anna.machine.snapshot().outgoing?.phase, 'ringing');
      await anna.machine.cancel();
    } finally {
      anna.close();
      ben.close();
    }
  });

  it('other pages of the caller, open or opened later, show her call as her own state (buttons wait)', async () => {
    const svc = await startService(fastSettings);
    running.push(svc);
    const tab1 = portalPage(svc, 'carla');
    const tab2 = portalPage(svc, 'carla');
    const david = portalPage(svc, 'david');
    try {
      await waitUntil(() => [tab1, tab2, david].every((p) => p.realtime.state === 'ready'), 'ready');
      await tab1.machine.call({ id: 'david', name: 'David Kim' });
      await waitUntil(() => david.machine.snapshot().incoming.length === 1, 'david rings');
      await david.machine.accept(david.machine.snapshot().incoming[0]!.call.id);
      await waitUntil(() => tab1.windows.length === 1 && david.windows.length === 1, 'both windows open');
      await waitUntil(() => tab2.machine.snapshot().elsewhere?.state === 'active', 'the other tab knows of the call');
      assert.equal(tab2.machine.inCall, true, 'the other tab\'s buttons wait');

      // A tab opened later learns of it on `ready`.
      const tab3 = portalPage(svc, 'carla');
      tab3.realtime.connect();
      await waitUntil(() => tab3.machine.snapshot().elsewhere?.state === 'active', 'a new tab learns of the call');
      assert.equal(tab3.machine.inCall, true);

      await tab1.machine.hangup();
      await waitUntil(() => !tab2.machine.inCall && !tab3.machine.inCall && !david.machine.inCall, 'free again everywhere');
      tab3.close();
    } finally {
      for (const p of [tab1, tab2, david]) p.close();
    }
  });
});
