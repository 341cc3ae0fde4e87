// The order of participants' tiles, as pure functions: people sharing a screen first, then the
// active speaker, then raised hands by the time they were raised, then everyone in the order they
// joined. keepPlaces() then stops tiles that are already on screen from jumping around.
import type { ParticipantState } from './types.js';

/** Sorts a copy of `list` by the rules above; ties fall back to join order, then identity. */
export function orderParticipants(list: readonly ParticipantState[]): ParticipantState[] {
  const speaker = activeSpeaker(list);
  const rank = (p: ParticipantState): number => (p.screen ? 0 : p === speaker ? 1 : p.handRaisedAt ? 2 : 3);
  return [...list].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 2) {
      const byHand = a.handRaisedAt!.localeCompare(b.handRaisedAt!);
      if (byHand !== 0) return byHand;
    }
    return joinOrder(a, b);
  });
}

/** The remote participant speaking now who started last; undefined when nobody speaks. */
export function activeSpeaker(list: readonly ParticipantState[]): ParticipantState | undefined {
  let best: ParticipantState | undefined;
  for (const p of list) {
    if (!p.speaking || p.isLocal) continue;
    if (!best || (p.lastSpokeAt ?? 0) > (best.lastSpokeAt ?? 0)) best = p;
  }
  return best;
}

function joinOrder(a: ParticipantState, b: ParticipantState): number {
  return a.joinedAt - b.joinedAt || (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0);
}

/**
 * Keeps tiles in place on the first page: whoever was shown there before and still belongs on it
 * keeps their slot; people who newly belong there take the slots of those who dropped off.
 * `previous` and the result are identities; `ordered` is orderParticipants' result.
 */
export function keepPlaces(previous: readonly string[], ordered: readonly string[], pageSize: number): string[] {
  const firstPage = ordered.slice(0, pageSize);
  const belongs = new Set(firstPage);
  const slots: Array<string | undefined> = previous.slice(0, pageSize).map((id) => (belongs.has(id) ? id : undefined));
  const placed = new Set(slots.filter((id): id is string => !!id));
  const newcomers = firstPage.filter((id) => !placed.has(id));
  for (let i = 0; i < slots.length && newcomers.length > 0; i++) if (slots[i] === undefined) slots[i] = newcomers.shift();
  const page = [...slots.filter((id): id is string => !!id), ...newcomers];
  return [...page, ...ordered.slice(pageSize)];
}
