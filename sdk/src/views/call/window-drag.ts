// Pointer drags of the docked call window: by its header (move) or its corner handle (resize). The
// geometry is window-frame.ts; this only turns pointer events into frames. A press on a control
// inside the header (a button other than the grip, the host's contact actions) is not a drag.
import { movedFrame, resizedFrame, type ViewportSize, type WindowFrame } from './window-frame.js';

export class WindowDrag {
  private pointerId?: number;
  private start?: { x: number; y: number; frame: WindowFrame };

  constructor(
    private readonly kind: 'move' | 'resize',
    private readonly current: () => WindowFrame | undefined,
    private readonly viewport: () => ViewportSize,
    /** Each new frame; `done` once the pointer is let go. */
    private readonly onFrame: (frame: WindowFrame, done: boolean) => void,
  ) {}

  get dragging(): boolean {
    return this.pointerId !== undefined;
  }

  down = (e: PointerEvent): void => {
    const frame = this.current();
    if (!frame || e.button !== 0 || this.pointerId !== undefined) return;
    if (this.kind === 'move' && this.onControl(e)) return;
    e.preventDefault(); // no text selection while dragging
    try {
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // A pointer that is already up cannot be captured; the drag still follows its events here.
    }
    this.pointerId = e.pointerId;
    this.start = { x: e.clientX, y: e.clientY, frame };
  };

  move = (e: PointerEvent): void => {
    const next = this.next(e);
    if (next) this.onFrame(next, false);
  };

  up = (e: PointerEvent): void => {
    const next = this.next(e);
    if (!next) return;
    this.pointerId = undefined;
    this.start = undefined;
    this.onFrame(next, true);
  };

  private next(e: PointerEvent): WindowFrame | undefined {
    if (this.pointerId !== e.pointerId || !this.start) return undefined;
    const { x, y, frame } = this.start;
    const change = this.kind === 'move' ? movedFrame : resizedFrame;
    return change(frame, e.clientX - x, e.clientY - y, this.viewport());
  }

  private onControl(e: PointerEvent): boolean {
    for (const node of e.composedPath()) {
      if (node === e.currentTarget) return false;
      if (node instanceof HTMLElement && node.matches('button:not(.grip), a, input, select, timio-partner-actions')) return true;
    }
    return false;
  }
}
