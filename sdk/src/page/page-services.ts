// The page's wiring, made once on first use: the REST client (with the page's credential
// source), the call state machine, the realtime connection (one WebSocket for every element), the
// on-demand loader of the session + views chunk, and the host events `timio-call-*`, which are
// dispatched on `document` from here, so a page without a notifications element gets them too.
import { useTokenServiceUrl, useTokenSource, whenConfigured } from '../config/config.js';
import { getRealtimeClient } from '../realtime/realtime-client.js';
import { PortalTokenSource } from '../config/portal-token.js';
import { TokenServiceClient } from '../api/token-service-client.js';
import { TimioApiError } from '../api/api-error.js';
import { portalCredentials, type CredentialSource } from '../api/credentials.js';
import { PageCalls } from '../calls/page-calls.js';
import type { CallWindowOpener, HostCallEvent } from '../calls/call-types.js';
import type { RealtimePort } from '../calls/realtime-port.js';
import { localeOf } from '../i18n/localize.js';
import { TimioCallAnsweredEvent, TimioCallEndedEvent, TimioCallErrorEvent, TimioCallMissedEvent, TimioCallResumedEvent, TimioCallStartedEvent } from '../events.js';
import { loadCallViews, loadConferenceViews } from './views-loader.js';
import { conferenceMarker, conferenceToResume, type ResumableConference } from '../resume/conference-resume.js';
import type { RoomTokenGrant } from '#protocol/rest.js';

export interface PageServices {
  readonly api: TokenServiceClient;
  /** The page's calls; the call machine behind them loads on demand (calls/page-calls.ts). */
  readonly calls: PageCalls;
  readonly credentials: CredentialSource;
  readonly portalTokens: PortalTokenSource;
  /** Undefined until a realtime connection is attached. */
  readonly realtime: RealtimePort | undefined;
}

/** Opens the 1:1 call window from the session + views chunk. */
const openCallWindowLazily: CallWindowOpener = async (grant, onEnd, setup) => {
  const { openCallWindow } = await loadCallViews();
  return openCallWindow({
    ...(setup?.layout ? { restore: setup.layout } : {}),
    ...(setup?.onLayout ? { onLayout: setup.onLayout } : {}),
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
  const portalTokens = new PortalTokenSource(useTokenSource);
  const credentials = portalCredentials((fresh) => portalTokens.get(fresh));
  const api = new TokenServiceClient({
    baseUrl: () => {
      const url = useTokenServiceUrl();
      if (!url) throw new TimioApiError(0, 'not_configured', 'TIMIO is not configured on this page (timio.configure or <timio-config>)');
      return url;
    },
    credentials,
  });
  const calls = new PageCalls({
    api,
    openWindow: openCallWindowLazily,
    selfId: () => services?.realtime?.userId,
    pageId: () => services?.realtime?.pageId,
  });
  calls.onHostEvent(dispatchHostEvent);
  services = { api, calls, credentials, portalTokens, realtime: undefined };
  return services;
}

export interface OpenConferenceRequest {
  room: string;
  prejoin: boolean;
  roomName?: string;
  /** The conference the tab held on its previous page, taken over at once; `grant` its token. */
  resume?: ResumableConference;
  grant?: Promise<RoomTokenGrant>;
}

/**
 * Opens the conference of a room ("Teilnehmen" in the room bar with the pre-join, or in the
 * invitation popup without): loads the session + views chunk, then shows the page's
 * <timio-conference> for the room (or a full-window one) and joins.
 */
export async function openConference(options: OpenConferenceRequest): Promise<HTMLElement> {
  const views = await loadConferenceViews();
  return views.openConference({
    ...options,
    rest: pageServices().api,
    guestNotices: (listener) => pageServices().realtime?.onGuestNotice?.(listener) ?? (() => undefined),
  });
}

/** The machine's host events as DOM events on `document` (bubbling, composed, typed). */
function dispatchHostEvent(event: HostCallEvent): void {
  if (typeof document === 'undefined') return;
  switch (event.type) {
    case 'started': document.dispatchEvent(new TimioCallStartedEvent(event.call)); break;
    case 'answered': document.dispatchEvent(new TimioCallAnsweredEvent(event.call)); break;
    case 'ended': document.dispatchEvent(new TimioCallEndedEvent(event.call)); break;
    case 'missed': document.dispatchEvent(new TimioCallMissedEvent(event.call)); break;
    case 'resumed': document.dispatchEvent(new TimioCallResumedEvent(event.call)); break;
    case 'error':
      document.dispatchEvent(new TimioCallErrorEvent({ code: event.code, message: event.message, ...(event.call ? { call: event.call } : {}) }));
      break;
  }
}

/** Connects the page's realtime connection: presence for elements, call events for the machine. */
export function attachRealtime(realtime: RealtimePort): void {
  const s = pageServices() as { realtime: RealtimePort | undefined; calls: PageCalls };
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

/** Opens the page's one realtime connection as soon as the page says where the token service is. */
export function connectWhenConfigured(): void {
  void whenConfigured().then((config) => {
    const tokens = pageServices().portalTokens;
    // This tab held a call on its previous page: fetch the call chunk and the token right away.
    if (pageServices().calls.prepareResume()) void loadCallViews().catch(() => undefined);
    const conference = conferenceToResume();
    if (conference) resumeConference(conference);
    attachRealtime(getRealtimeClient({ url: useTokenServiceUrl() ?? config.tokenServiceUrl, getToken: (fresh) => tokens.get(fresh) }));
  });
}

/**
 * The tab held a room conference when its last page went: asks for the token while the views chunk
 * loads, which claims the conference and opens it (resume/resume-conference.ts).
 */
function resumeConference(held: ResumableConference): void {
  const grant = pageServices().api.request<RoomTokenGrant>('POST', '/v1/token', { room: held.room, moderator: held.moderator });
  grant.catch(() => undefined); // handled by the conference's join
  void loadConferenceViews().then((views) => views.resumeConference(held, grant, openConference))
    .catch(() => conferenceMarker.set(undefined));
}
