// Where tiles go, as pure functions: the grid (rows × columns) that gives N tiles the largest
// picture in a box, pages of at most M tiles, and the speaker view (one stage and a strip).

export interface Box { width: number; height: number }

export interface GridLayout {
  columns: number;
  rows: number;
  /** Size of one tile in the box (CSS pixels), keeping the aspect ratio. */
  tileWidth: number;
  tileHeight: number;
}

export interface GridOptions {
  /** Width / height of a tile; 16:9 by default. */
  aspect?: number;
  /** Space between tiles. */
  gap?: number;
}

/** The columns × rows for `count` tiles that make each tile as large as possible in `box`. */
export function gridLayout(count: number, box: Box, { aspect = 16 / 9, gap = 8 }: GridOptions = {}): GridLayout {
  const n = Math.max(1, Math.floor(count));
  let best: GridLayout | undefined;
  let bestScore = -1;
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    // A column count that leaves a whole row empty is never better than one with fewer rows.
    if ((rows - 1) * columns >= n) continue;
    const cellWidth = Math.max(0, (box.width - gap * (columns - 1)) / columns);
    const cellHeight = Math.max(0, (box.height - gap * (rows - 1)) / rows);
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    const tileHeight = tileWidth / aspect;
    // Three or more tiles in one column only when that is clearly larger: a narrow column in a
    // panel that has room for two looked broken for a few per cent of picture.
    const score = columns === 1 && n > 2 ? tileWidth * 0.9 : tileWidth;
    if (score > bestScore + 0.01) {
      best = { columns, rows, tileWidth: floor2(tileWidth), tileHeight: floor2(tileHeight) };
      bestScore = score;
    }
  }
  return best!;
}

/** How many pages `count` tiles need with at most `perPage` on each. */
export function pageCount(count: number, perPage: number): number {
  return Math.max(1, Math.ceil(Math.max(0, count) / Math.max(1, perPage)));
}

/** The items on page `page` (0-based, clamped to the last page). */
export function pageItems<T>(items: readonly T[], page: number, perPage: number): T[] {
  const size = Math.max(1, perPage);
  const last = pageCount(items.length, size) - 1;
  const p = Math.min(Math.max(0, Math.floor(page)), last);
  return items.slice(p * size, p * size + size);
}

export interface TilePage<T> {
  /** The tiles shown, in order. */
  tiles: T[];
  page: number;
  pages: number;
  grid: GridLayout;
}

/** One page of a tile view: which tiles are visible and the grid they sit in. */
export function tilePage<T>(items: readonly T[], page: number, box: Box, perPage = 9, options?: GridOptions): TilePage<T> {
  const pages = pageCount(items.length, perPage);
  const clamped = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const tiles = pageItems(items, clamped, perPage);
  return { tiles, page: clamped, pages, grid: gridLayout(tiles.length, box, options) };
}

export interface SpeakerLayout {
  stage: Box;
  /** The strip of other participants: beside the stage on wide boxes, below on tall ones. */
  strip: { direction: 'row' | 'column'; tiles: number; tileWidth: number; tileHeight: number };
}

/**
 * Speaker view for `count` participants: the first on the stage, up to `stripMax` others in a
 * strip (the rest are not shown, and so not received).
 */
export function speakerLayout(count: number, box: Box, { stripMax = 6, aspect = 16 / 9, gap = 8 }: GridOptions & { stripMax?: number } = {}): SpeakerLayout {
  const others = Math.min(Math.max(0, count - 1), stripMax);
  if (others === 0) return { stage: box, strip: { direction: 'row', tiles: 0, tileWidth: 0, tileHeight: 0 } };
  const wide = box.width >= box.height * aspect;
  if (wide) {
    // A column at the side, a fifth of the width at most.
    const tileWidth = floor2(Math.min(box.width / 5, (box.height - gap * (others - 1)) / others * aspect));
    return {
      stage: { width: floor2(box.width - tileWidth - gap), height: box.height },
      strip: { direction: 'column', tiles: others, tileWidth, tileHeight: floor2(tileWidth / aspect) },
    };
  }
  // A row below, a quarter of the height at most.
  const tileHeight = floor2(Math.min(box.height / 4, (box.width - gap * (others - 1)) / others / aspect));
  return {
    stage: { width: box.width, height: floor2(box.height - tileHeight - gap) },
    strip: { direction: 'row', tiles: others, tileWidth: floor2(tileHeight * aspect), tileHeight },
  };
}

const floor2 = (x: number) => Math.floor(x * 100) / 100;
