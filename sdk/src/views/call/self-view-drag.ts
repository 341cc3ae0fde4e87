// Moving the own video by pointer: it follows the pointer inside the stage while dragged and
// snaps to the nearest corner when let go (the corner is the state; the drag only draws).
import { nearestCorner, type Corner } from './self-view-corner.js';

export class SelfViewDrag {
  private pointerId?: number;

  constructor(private readonly onCorner: (corner: Corner) => void) {}

  get dragging(): boolean {
    return this.pointerId !== undefined;
  }

  down = (e: PointerEvent): void => {
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    this.pointerId = e.pointerId;
  };

  move = (e: PointerEvent): void => {
    if (this.pointerId !== e.pointerId) return;
    const tile = e.currentTarget as HTMLElement;
    const stage = tile.parentElement!.getBoundingClientRect();
    const x = Math.min(Math.max(e.clientX - stage.left - tile.offsetWidth / 2, 0), stage.width - tile.offsetWidth);
    const y = Math.min(Math.max(e.clientY - stage.top - tile.offsetHeight / 2, 0), stage.height - tile.offsetHeight);
    Object.assign(tile.style, { left: `${x}px`, top: `${y}px`, right: 'auto', bottom: 'auto', transition: 'none' });
  };

  up = (e: PointerEvent): void => {
    if (this.pointerId !== e.pointerId) return;
    const tile = e.currentTarget as HTMLElement;
    const stage = tile.parentElement!.getBoundingClientRect();
    this.pointerId = undefined;
    tile.removeAttribute('style');
    this.onCorner(nearestCorner(e.clientX - stage.left, e.clientY - stage.top, stage.width, stage.height));
  };
}
