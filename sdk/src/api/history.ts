// GET /v1/history through the page's REST client: the signed-in person's own call history. A
// function beside TokenServiceClient rather than a method of it, so the light part (every page's
// client) does not carry it; the history element's entry (timio-history.js) does.
import type { HistoryPage } from '#protocol/history.js';
import { TimioApiError } from './api-error.js';
import type { TokenServiceClient } from './token-service-client.js';

export interface HistoryQuery {
  /** Entries per page (default 50, at most 200). */
  limit?: number;
  /** Only entries before this one's `at` (ISO): the next page. */
  before?: string;
}

/** One page of the user's call history, newest first; errors as TimioApiError. */
export async function fetchHistory(api: TokenServiceClient, query: HistoryQuery = {}): Promise<HistoryPage> {
  const params = new URLSearchParams();
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.before !== undefined) params.set('before', query.before);
  const search = params.toString();
  const page = await api.request<HistoryPage>('GET', `/v1/history${search ? `?${search}` : ''}`);
  if (!Array.isArray(page?.entries) || typeof page.more !== 'boolean') throw new TimioApiError(200, 'bad_response', 'unexpected answer from /v1/history');
  return page;
}
