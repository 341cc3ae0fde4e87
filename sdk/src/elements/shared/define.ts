/**
 * Registers a custom element. A page that loads the SDK twice gets a warning instead of the
 * DOMException that a second customElements.define() would throw.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== element) console.warn(`[timio] <${tag}> is already defined (is the TIMIO SDK loaded twice?); keeping the first definition`);
    return;
  }
  customElements.define(tag, element);
}
