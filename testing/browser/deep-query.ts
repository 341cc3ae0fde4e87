// Queries that look through shadow roots, for element tests (every part has its own shadow root).

/** The first match of `sel` in `root` or any shadow root below it. */
export function deep<T extends Element = Element>(root: ParentNode, sel: string): T | null {
  const hit = root.querySelector<T>(sel);
  if (hit) return hit;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && deep<T>(el.shadowRoot, sel);
    if (inner) return inner;
  }
  return null;
}

/** Every match of `sel` in `root` and the shadow roots below it. */
export function deepAll<T extends Element = Element>(root: ParentNode, sel: string): T[] {
  const found = [...root.querySelectorAll<T>(sel)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll<T>(el.shadowRoot, sel));
  return found;
}

