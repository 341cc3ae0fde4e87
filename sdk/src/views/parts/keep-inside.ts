// Keeps a popup menu inside what the person can see of it: the nearest ancestor that clips its
// overflow (the call window's frame), across shadow roots, and the viewport. A menu that would be cut
// at the right slides left, one cut at the bottom opens upward.

type Box = { left: number; top: number; right: number; bottom: number };

/** The visible part of the page around `el`: the viewport narrowed by every clipping ancestor. */
export function visibleBox(el: Element): Box {
  const root = document.documentElement;
  const box: Box = { left: 0, top: 0, right: root.clientWidth || innerWidth, bottom: root.clientHeight || innerHeight };
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
 * Places an absolutely positioned `menu` (laid out below its anchor, at its start edge) so that it
 * lies inside visibleBox(), `margin` pixels from its edges. Call it after the menu is shown.
 */
export function keepInside(menu: HTMLElement, margin = 4): void {
  menu.style.removeProperty('translate');
  menu.style.removeProperty('top');
  menu.style.removeProperty('bottom');
  const bounds = visibleBox(menu);
  let r = menu.getBoundingClientRect();
  if (r.bottom > bounds.bottom - margin) {
    // Upward, above the anchor, when there is more room there.
    const anchor = menu.offsetParent?.getBoundingClientRect();
    if (anchor && anchor.top - bounds.top > bounds.bottom - anchor.bottom) {
      menu.style.top = 'auto';
      menu.style.bottom = 'calc(100% + 6px)';
      r = menu.getBoundingClientRect();
    }
  }
  let dx = 0;
  if (r.right > bounds.right - margin) dx = bounds.right - margin - r.right;
  if (r.left + dx < bounds.left + margin) dx = bounds.left + margin - r.left;
  if (dx) menu.style.translate = `${Math.round(dx)}px 0`;
}
