// Keeps a popup menu inside what the person can see of it: the viewport, narrowed by every
// ancestor that clips its overflow (the call window's frame), across shadow roots. A menu cut at
// the right slides left; one cut at the bottom opens upward where there is more room above. Used
// by all three menus (the contact menu, the partner actions, the control bar's overflow).

type Box = { left: number; top: number; right: number; bottom: number };

/**
 * The visible part of the page around `el`: the viewport narrowed by every clipping ancestor. A
 * fixed element (the contact menu: a popover in the top layer) is clipped by the viewport only.
 */
export function visibleBox(el: Element): Box {
  const root = document.documentElement;
  const box: Box = { left: 0, top: 0, right: root.clientWidth || innerWidth, bottom: root.clientHeight || innerHeight };
  if (getComputedStyle(el).position === 'fixed') return box;
  for (let at = parentOf(el); at; at = parentOf(at)) {
    const style = getComputedStyle(at);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const r = at.getBoundingClientRect();
    box.left = Math.max(box.left, r.left);
    box.top = Math.max(box.top, r.top);
    box.right = Math.min(box.right, r.right);
    box.bottom = Math.min(box.bottom, r.bottom);
  }
  return box;
}

function parentOf(el: Element): Element | null {
  return el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
}

/**
 * Moves a shown `menu` (with `translate`, so its own placement stays as its styles say) to lie
 * inside visibleBox(), `margin` pixels from its edges. `above`: where the menu's bottom goes when it
 * opens upward (the viewport y of its trigger's top, or the pointer); without it, it only slides.
 * Call it after the menu is shown.
 */
export function keepInside(menu: HTMLElement, above?: number, margin = 4): void {
  menu.style.translate = '';
  const bounds = visibleBox(menu);
  const r = menu.getBoundingClientRect();
  let dy = 0;
  if (r.bottom > bounds.bottom - margin && above !== undefined && above - bounds.top > bounds.bottom - r.top) dy = above - r.bottom;
  // Still cut (no room either way): slide in, the top edge first.
  dy = Math.max(Math.min(dy, bounds.bottom - margin - r.bottom), bounds.top + margin - r.top);
  const dx = Math.max(Math.min(0, bounds.right - margin - r.right), bounds.left + margin - r.left);
  if (dx || dy) menu.style.translate = `${Math.round(dx)}px ${Math.round(dy)}px`;
}
