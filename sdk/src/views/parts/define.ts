// Registers a view element once; a second copy of the SDK on the page warns instead of throwing.
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== element) console.warn(`[timio] <${tag}> is already defined by another copy of the SDK`);
    return;
  }
  customElements.define(tag, element);
}
