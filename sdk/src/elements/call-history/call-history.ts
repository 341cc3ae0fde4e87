// Registers <timio-call-history>.
import { define } from '../shared/define.js';
import { TimioCallHistory } from './call-history.component.js';

export { TimioCallHistory };
export { TimioHistorySelectEvent } from './history-events.js';

export function defineCallHistory(): void {
  define('timio-call-history', TimioCallHistory);
}

declare global {
  interface HTMLElementTagNameMap {
    'timio-call-history': TimioCallHistory;
  }
}
