// How the history entry (timio-history.js, built apart from timio.js) reaches the page's SDK: only
// through its public API, `window.timio` (configure's settings, `call`). Its own REST client reads
// the same settings, so it speaks to the same token service with the same portal token; the light
// part every other page loads carries nothing for the history.
import type { TimioConfig } from '../../config/config.js';
import type { UserRef } from '#protocol/realtime.js';
import { TimioApiError } from '../../api/api-error.js';
import { portalCredentials } from '../../api/credentials.js';
import { TokenServiceClient } from '../../api/token-service-client.js';
import { PortalTokenSource } from '../../config/portal-token.js';

const pageConfig = (): TimioConfig | undefined => window.timio?.getConfig();

let client: TokenServiceClient | undefined;

/** The REST client for the page's token service and signed-in person. */
export function pageApi(): TokenServiceClient {
  if (client) return client;
  const tokens = new PortalTokenSource(pageConfig);
  client = new TokenServiceClient({
    baseUrl: () => {
      const url = pageConfig()?.tokenServiceUrl;
      if (!url) throw new TimioApiError(0, 'not_configured', 'TIMIO is not configured on this page (load timio.js and configure it)');
      return url;
    },
    credentials: portalCredentials((fresh) => tokens.get(fresh)),
  });
  return client;
}

/** Resolves once timio.js is on the page and configured (scripts and <timio-config> may come in any order). */
export async function pageConfigured(): Promise<void> {
  while (!pageConfig()) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Calls `contact` as their video button would (the page's call machine in timio.js). */
export function callBack(contact: UserRef): void {
  void window.timio?.call(contact);
}
