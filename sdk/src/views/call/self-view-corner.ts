// Where the movable own video sits: always in one of the four corners of the stage, so it never
// covers the middle of the partner's picture and stays in place when the window resizes.
export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** The corner nearest to a point (e.g. where a drag ended) inside a stage of the given size. */
export function nearestCorner(x: number, y: number, width: number, height: number): Corner {
  const v = y < height / 2 ? 'top' : 'bottom';
  const h = x < width / 2 ? 'left' : 'right';
  return `${v}-${h}`;
}

/** The corner an arrow key moves to; other keys return undefined. */
export function cornerAfterKey(corner: Corner, key: string): Corner | undefined {
  const [v, h] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
  switch (key) {
    case 'ArrowUp': return `top-${h}`;
    case 'ArrowDown': return `bottom-${h}`;
    case 'ArrowLeft': return `${v}-left`;
    case 'ArrowRight': return `${v}-right`;
    default: return undefined;
  }
}
