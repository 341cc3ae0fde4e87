// Keeps a popup menu inside what the person can see of it. A menu cut at the right slides left;
// one cut at the bottom opens upward where there is more room above. Used by all three menus: the
// contact menu (a popover: the viewport is its bounds) and, with views/parts/visible-box.ts for
// the bounds inside the call window's frame, the partner actions and the control bar's overflow.
// Small on purpose: it is part of the light part every portal page loads.

export type Box = { left: number; top: number; right: number; bottom: number };

/** The viewport, without its scroll bars. */
export const viewportBox = (): Box => ({ left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight });

/**
 * Moves a shown `menu` (with `translate`, so its own placement stays as its styles say) to lie
 * inside `bounds`, `margin` pixels from its edges. `above`: where the menu's bottom goes when it
 * opens upward (the viewport y of its trigger's top, or the pointer). Call it after it is shown.
 */
export function keepInside(menu: HTMLElement, bounds: Box, above: number, margin = 4): void {
  menu.style.translate = '';
  const r = menu.getBoundingClientRect();
  const { left, top, right, bottom } = bounds;
  // Upward where it is cut below and there is more room above; still cut (no room either way),
  // it slides in, the top edge first.
  const up = r.bottom > bottom - margin && above - top > bottom - r.top ? above - r.bottom : 0;
  const dy = Math.max(Math.min(up, bottom - margin - r.bottom), top + margin - r.top);
  const dx = Math.max(Math.min(0, right - margin - r.right), left + margin - r.left);
  menu.style.translate = `${dx}px ${dy}px`;
}
