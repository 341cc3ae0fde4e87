// The call history's script-tag entry: `<script type="module" src=".../timio-history.js"></script>`
// on a journal page, beside timio.js. It registers <timio-call-history>, which reaches the page's
// SDK through `window.timio` only (elements/call-history/page-sdk.ts); built apart from timio.js,
// so the light part every other page loads stays as it is.
import { defineCallHistory } from './elements/call-history/call-history.js';

export { TimioCallHistory, TimioHistorySelectEvent } from './elements/call-history/call-history.js';
export { fetchHistory, type HistoryQuery } from './api/history.js';
export type { HistoryEntry, HistoryOutcome, HistoryPage } from '#protocol/history.js';
export type { CallHistoryCatalog } from './i18n/catalog.js';

defineCallHistory();
