// The page's shared parts, made once on first use: the token service client, the realtime
// connection (one WebSocket for every element) and the call state machine. The call window is
// loaded with import() only when a call becomes active, so it stays out of timio.js.
import { getConfig } from '../../config/config.js';
import { PortalTokenSource } from '../../config/portal-token.js';
import { TokenServiceClient } from '../../api/token-service-client.js';
import { TimioApiError } from '../../api/api-error.js';
import { CallMachine, type CallWindowOpener } from '../../calls/call-machine.js';
import type { RealtimePort } from '../../calls/realtime-port.js';
import { localeOf } from '../../i18n/localize.js';

export interface PageServices {
  readonly api: TokenServiceClient;
  readonly calls: CallMachine;
  readonly portalTokens: PortalTokenSource;
  /** Undefined until a realtime connection is attached. */
  readonly realtime: RealtimePort | undefined;
}

/** Opens the call window from the conference chunk. */
const openCallWindowLazily: CallWindowOpener = async (grant, onEnd) => {
  const { openCallWindow } = await import('../../conference/index.js');
  return openCallWindow({
    call: grant.call,
    token: grant.token,
    url: grant.url,
    locale: localeOf(document.documentElement).toLowerCase().startsWith('en') ? 'en' : 'de',
    onEnd: (end) => onEnd(end.reason),
  });
};

let services: (PageServices & { realtime: RealtimePort | undefined }) | undefined;
const realtimeListeners = new Set<(realtime: RealtimePort) => void>();

export function pageServices(): PageServices {
  if (services) return services;
  const portalTokens = new PortalTokenSource(getConfig);
  const api = new TokenServiceClient({
    baseUrl: () => {
      const url = getConfig()?.tokenServiceUrl;
      if (!url) throw new TimioApiError(0, 'not_configured', 'TIMIO is not configured on this page (timio.configure or <timio-config>)');
      return url;
    },
    portalToken: (fresh) => portalTokens.get(fresh),
  });
  const calls = new CallMachine({
    api,
    openWindow: openCallWindowLazily,
    selfId: () => services?.realtime?.userId,
    pageId: () => services?.realtime?.pageId,
  });
  services = { api, calls, portalTokens, realtime: undefined };
  return services;
}

/** Connects the page's realtime connection: presence for elements, call events for the machine. */
export function attachRealtime(realtime: RealtimePort): void {
  const s = pageServices() as { realtime: RealtimePort | undefined; calls: CallMachine };
  if (s.realtime === realtime) return;
  s.realtime = realtime;
  realtime.onCall((call) => s.calls.handleCall(call));
  // Every (re)connect: the call state may have moved while the socket was down.
  realtime.onReady?.(() => void s.calls.reconcile());
  for (const listener of [...realtimeListeners]) listener(realtime);
}

/** Calls `listener` with the realtime connection now or as soon as there is one. */
export function whenRealtime(listener: (realtime: RealtimePort) => void): () => void {
  const current = pageServices().realtime;
  if (current) {
    listener(current);
    return () => undefined;
  }
  realtimeListeners.add(listener);
  return () => realtimeListeners.delete(listener);
}
