// The call history's script-tag entry: `<script type="module" src=".../timio-history.js"></script>`
// on a journal page, instead of (or beside) timio.js. It brings everything timio.js does (the same
// chunk: loaded beside it, the SDK still runs once) and registers <timio-call-history>, whose code
// and strings thus stay out of the light part every other page loads.
import { defineCallHistory } from './elements/call-history/call-history.js';
import { timio } from './index.js';

export { timio };
export { TimioCallHistory, TimioHistorySelectEvent } from './elements/call-history/call-history.js';
export { fetchHistory, type HistoryQuery } from './api/history.js';
export type { HistoryEntry, HistoryOutcome, HistoryPage } from '#protocol/history.js';
export type { CallHistoryCatalog } from './i18n/catalog.js';

defineCallHistory();
