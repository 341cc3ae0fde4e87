// The event of <timio-call-history>: a person chose an entry (its name), to call back or open the room.
import type { HistoryEntry } from '#protocol/history.js';

/**
 * An entry's name was chosen. Cancelable: unless the host prevents it, a call entry calls the
 * person back (as their video button does); a meeting entry does nothing more (the host opens the
 * room's page). detail: `{entry}`.
 */
export class TimioHistorySelectEvent extends CustomEvent<{ entry: HistoryEntry }> {
  constructor(entry: HistoryEntry) {
    super('timio-history-select', { bubbles: true, composed: true, cancelable: true, detail: { entry } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'timio-history-select': TimioHistorySelectEvent;
  }
}
