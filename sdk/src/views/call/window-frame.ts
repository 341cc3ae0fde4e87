// Where the docked call window sits and how big it is: plain geometry (no DOM), so the element only
// renders a frame and the rules (inside the viewport, minimum size, keyboard steps, what a tab's
// marker may bring back) are tested on their own.

/** `docked`: a movable, resizable window beside the page; `full`: it covers the viewport. */
export type WindowMode = 'docked' | 'full';

/** Position (from the viewport's top left) and size in CSS pixels. */
export interface WindowFrame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ViewportSize {
  width: number;
  height: number;
}

/** Smallest docked window: header, a usable picture and the control bar still fit. */
export const MIN_WIDTH = 320;
export const MIN_HEIGHT = 260;
/** Room kept between the window and the viewport's edges. */
export const EDGE = 8;
/** One arrow key press; with Alt a fine step. */
export const STEP = 24;
export const FINE_STEP = 4;
/** A new docked window: this size at the bottom right (the page's navigation stays free). */
const DEFAULT_WIDTH = 480;
const DEFAULT_HEIGHT = 380;
const DEFAULT_MARGIN = 24;

/**
 * Below this viewport (a phone), a docked window would leave no page beside it and be too cramped
 * to use: it is shown full instead; the person's mode and frame are kept for a larger viewport.
 */
export const DOCKABLE_WIDTH = 480;
export const DOCKABLE_HEIGHT = 360;

/** The mode shown: `docked` only where the viewport leaves room for a window beside the page. */
export function shownMode(mode: WindowMode, viewport: ViewportSize): WindowMode {
  if (mode !== 'docked' || !viewport.width) return mode;
  return viewport.width < DOCKABLE_WIDTH || viewport.height < DOCKABLE_HEIGHT ? 'full' : 'docked';
}

export function isWindowMode(value: unknown): value is WindowMode {
  return value === 'docked' || value === 'full';
}

/** A frame as stored in the tab's marker, or undefined when it is not one (old or foreign data). */
export function parseFrame(value: unknown): WindowFrame | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { x, y, width, height } = value as Record<string, unknown>;
  const nums = [x, y, width, height];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  if ((width as number) <= 0 || (height as number) <= 0) return undefined;
  return { x: x as number, y: y as number, width: width as number, height: height as number };
}

/** A new docked window's frame: bottom right, clamped to the viewport. */
export function defaultFrame(viewport: ViewportSize): WindowFrame {
  const width = Math.min(DEFAULT_WIDTH, viewport.width - 2 * EDGE);
  const height = Math.min(DEFAULT_HEIGHT, viewport.height - 2 * EDGE);
  return clampFrame({ x: viewport.width - width - DEFAULT_MARGIN, y: viewport.height - height - DEFAULT_MARGIN, width, height }, viewport);
}

/**
 * The frame moved and shrunk just enough to lie inside the viewport (minus EDGE), never smaller
 * than the minimum size unless the viewport itself is smaller. Whole pixels.
 */
export function clampFrame(frame: WindowFrame, viewport: ViewportSize): WindowFrame {
  const roomW = Math.max(0, viewport.width - 2 * EDGE);
  const roomH = Math.max(0, viewport.height - 2 * EDGE);
  const width = Math.round(Math.min(Math.max(frame.width, Math.min(MIN_WIDTH, roomW)), roomW));
  const height = Math.round(Math.min(Math.max(frame.height, Math.min(MIN_HEIGHT, roomH)), roomH));
  const x = Math.round(Math.min(Math.max(frame.x, EDGE), EDGE + roomW - width));
  const y = Math.round(Math.min(Math.max(frame.y, EDGE), EDGE + roomH - height));
  return { x, y, width, height };
}

/** The frame after a pointer drag by (dx, dy), clamped. */
export function movedFrame(start: WindowFrame, dx: number, dy: number, viewport: ViewportSize): WindowFrame {
  return clampFrame({ ...start, x: start.x + dx, y: start.y + dy }, viewport);
}

/** The frame after its bottom-right corner was dragged by (dx, dy), clamped; the top left stays. */
export function resizedFrame(start: WindowFrame, dx: number, dy: number, viewport: ViewportSize): WindowFrame {
  const roomW = viewport.width - EDGE - start.x;
  const roomH = viewport.height - EDGE - start.y;
  const width = Math.min(Math.max(start.width + dx, MIN_WIDTH), Math.max(roomW, MIN_WIDTH));
  const height = Math.min(Math.max(start.height + dy, MIN_HEIGHT), Math.max(roomH, MIN_HEIGHT));
  return clampFrame({ ...start, width, height }, viewport);
}

/**
 * The frame after a key on the window's grip: arrows move it, Shift+arrows resize it (right/down
 * grow), Alt makes the step fine. Other keys return undefined.
 */
export function frameAfterKey(frame: WindowFrame, key: { key: string; shiftKey?: boolean; altKey?: boolean }, viewport: ViewportSize): WindowFrame | undefined {
  const delta: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  const d = delta[key.key];
  if (!d) return undefined;
  const step = key.altKey ? FINE_STEP : STEP;
  const [dx, dy] = [d[0] * step, d[1] * step];
  return key.shiftKey ? resizedFrame(frame, dx, dy, viewport) : movedFrame(frame, dx, dy, viewport);
}

export function sameFrame(a: WindowFrame | undefined, b: WindowFrame | undefined): boolean {
  return !!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
