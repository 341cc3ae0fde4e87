// What the conference stage shows, as pure functions: the tiles in order (screen shares first, then
// people as orderParticipants says, kept in place), the page of the tile view, and the speaker view
// (one on the stage: a shared screen, else the active speaker; the others in a strip).
import { activeSpeaker, keepPlaces, orderParticipants } from '../../../session/order.js';
import type { ParticipantState, VisibleVideo } from '../../../session/types.js';

export interface StageTile {
  /** `identity:camera` or `identity:screen`. */
  key: string;
  participant: ParticipantState;
  source: 'camera' | 'screen';
}

export const tileKey = (p: ParticipantState, source: 'camera' | 'screen') => `${p.identity}:${source}`;

/** Every tile in order; `previous` (keys) keeps tiles on the first page where they were. */
export function orderTiles(people: readonly ParticipantState[], previous: readonly string[], perPage: number, hideSelf: boolean): StageTile[] {
  const shown = people.filter((p) => !(hideSelf && p.isLocal));
  const screens = shown.filter((p) => p.screen).map((p): StageTile => ({ key: tileKey(p, 'screen'), participant: p, source: 'screen' }));
  const cameras = orderParticipants(shown).map((p): StageTile => ({ key: tileKey(p, 'camera'), participant: p, source: 'camera' }));
  const all = [...screens, ...cameras];
  const byKey = new Map(all.map((t) => [t.key, t]));
  return keepPlaces(previous, all.map((t) => t.key), perPage).map((k) => byKey.get(k)!);
}

/** The speaker view's stage: a shared screen, else who speaks now, else who spoke last, else the first remote. */
export function stageTile(people: readonly ParticipantState[]): StageTile | undefined {
  const sharing = people.find((p) => p.screen && !p.isLocal) ?? people.find((p) => p.screen);
  if (sharing) return { key: tileKey(sharing, 'screen'), participant: sharing, source: 'screen' };
  const remotes = people.filter((p) => !p.isLocal);
  const speaker = activeSpeaker(people) ?? [...remotes].sort((a, b) => (b.lastSpokeAt ?? 0) - (a.lastSpokeAt ?? 0))[0] ?? people[0];
  return speaker ? { key: tileKey(speaker, 'camera'), participant: speaker, source: 'camera' } : undefined;
}

/** Who of the others shares a screen now: a share that starts puts the conference into the speaker view. */
export function sharing(people: readonly ParticipantState[]): string[] {
  return people.filter((p) => p.screen && !p.isLocal).map((p) => p.identity);
}

/** The videos of these tiles at their size, for the session's adaptive subscription. */
export function visibleVideos(tiles: ReadonlyArray<{ tile: StageTile; width: number; height: number }>): VisibleVideo[] {
  return tiles
    .filter(({ tile }) => (tile.source === 'screen' ? tile.participant.screen : tile.participant.camera))
    .map(({ tile, width, height }) => ({ identity: tile.participant.identity, source: tile.source, width: Math.round(width), height: Math.round(height) }));
}
