// What can be seen of a popup inside the call window: the viewport narrowed by every ancestor that
// clips its overflow (the docked window's frame), across shadow roots. The bounds that keepInside
// (elements/shared/keep-inside.ts) keeps the partner actions' and the control bar's menus in.
import { viewportBox, type Box } from '../../elements/shared/keep-inside.js';

export function visibleBox(el: Element): Box {
  const box = viewportBox();
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
