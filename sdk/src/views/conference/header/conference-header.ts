// The header "Informationen zum Konferenzraum": the room's name, how long the meeting runs, how
// many are present.
import { html } from 'lit';
import type { ConferenceCatalog } from '../../../i18n/catalog.js';

/** 65 s → "1:05", 3725 s → "1:02:05". */
export function formatRunning(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/**
 * When the meeting began (ms), the same for everyone in it: the earliest join among those present,
 * as the media server stamped it (each person's own join made everyone's clock different), or a
 * person's earlier join the room status knows (`earlier`: they came back after a page change).
 */
export function meetingSince(people: ReadonlyArray<{ identity: string; joinedAt: number }>, earlier: ReadonlyMap<string, number>): number | undefined {
  const joins = people.map((p) => Math.min(p.joinedAt, earlier.get(p.identity) ?? Infinity));
  return joins.length ? Math.min(...joins) : undefined;
}

export function conferenceHeader(t: ConferenceCatalog, name: string, runningMs: number | undefined, present: number) {
  return html`<div class="header" part="header" role="group" aria-label=${t.info}>
    <h2 class="room-name">${name}</h2>
    <dl class="facts">
      ${runningMs === undefined ? '' : html`<div><dt class="sr-only">${t.info}</dt><dd class="running"><time>${t.running(formatRunning(runningMs))}</time></dd></div>`}
      <div><dt class="sr-only">${t.participants}</dt><dd class="present">${t.present(present)}</dd></div>
    </dl>
  </div>`;
}
