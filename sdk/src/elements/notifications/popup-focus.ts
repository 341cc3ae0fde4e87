// Focus for popups that need an answer: a new one takes focus on its main button unless the
// user is typing; when the last one goes, focus returns to where it was.

export class PopupFocus {
  private readonly focused = new Set<string>();
  private previous?: HTMLElement;

  /** Call after each render with the host and its current popups (`data-call` / `data-ring` keys). */
  update(host: HTMLElement, popups: HTMLElement[]): void {
    const keyOf = (p: HTMLElement) => p.dataset.call ?? p.dataset.ring ?? '';
    const keys = new Set(popups.map(keyOf));
    for (const key of [...this.focused]) if (!keys.has(key)) this.focused.delete(key);
    const fresh = popups.find((p) => !this.focused.has(keyOf(p)));
    if (fresh) {
      this.focused.add(keyOf(fresh));
      const active = deepActiveElement();
      if (!isTyping(active)) {
        if (!host.shadowRoot?.contains(active)) this.previous = active instanceof HTMLElement ? active : undefined;
        fresh.querySelector<HTMLElement>('button.primary')?.focus();
      }
    } else if (popups.length === 0 && this.previous) {
      const active = deepActiveElement();
      if (!active || active === document.body || active === host) this.previous.focus();
      this.previous = undefined;
    } else if (popups.length > 0 && !host.shadowRoot?.activeElement && deepActiveElement() === host) {
      popups[0]?.querySelector<HTMLElement>('button.primary')?.focus();
    }
  }
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isTyping(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || (element instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(element.type)) || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;
}
