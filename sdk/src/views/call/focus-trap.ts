// Keeps keyboard focus inside the call window while it covers the page: Tab and Shift+Tab cycle
// through the window's controls (across the parts' shadow roots), and focus that lands on the
// page behind (a script, the browser's own keys) comes back. The page behind is not reachable by
// pointer either (the window's backdrop covers it), so it acts as a modal dialog.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FocusTrap implements ReactiveController {
  private lastInside?: HTMLElement;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The focusable frame that gets focus when nothing inside has had it yet. */
    private readonly frame: () => HTMLElement | null | undefined,
    /** Whether the trap holds now (the window covers the page). */
    private readonly active: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('focusin', this.onFocusIn, true);
    this.host.addEventListener('keydown', this.onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('focusin', this.onFocusIn, true);
    this.host.removeEventListener('keydown', this.onKeydown);
  }

  private readonly onFocusIn = (e: FocusEvent): void => {
    const target = e.composedPath()[0];
    if (target instanceof Node && containsComposed(this.host, target)) {
      if (target instanceof HTMLElement) this.lastInside = target;
      return;
    }
    if (!this.active()) return;
    const back = this.lastInside?.isConnected && isTabbable(this.lastInside) ? this.lastInside : this.frame();
    back?.focus();
  };

  private readonly onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !this.active()) return;
    const items = tabbables(this.host.shadowRoot ?? this.host);
    if (items.length === 0) return;
    const current = items.indexOf(deepActiveElement() as HTMLElement);
    const first = items[0]!;
    const last = items.at(-1)!;
    // Inside the list, the browser moves focus as usual; only the ends (and the frame) wrap.
    if (e.shiftKey && current <= 0) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (current === -1 || current === items.length - 1)) {
      e.preventDefault();
      first.focus();
    }
  };
}

/** Whether `node` is `root` or inside it, looking through shadow roots and slots. */
function containsComposed(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n === root) return true;
    if (n instanceof Element && n.assignedSlot && containsComposed(root, n.assignedSlot)) return true;
  }
  return false;
}

function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

function isTabbable(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || el.hasAttribute('disabled') || el.closest('[inert]')) return false;
  // A <video> reports tabIndex 0 but takes focus only with its own controls.
  if (el instanceof HTMLMediaElement && !el.controls && !el.hasAttribute('tabindex')) return false;
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0;
}

/** The tabbable elements under `root` in the order of the composed tree (shadow roots, slots). */
export function tabbables(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (el: Element) => {
    if (el instanceof HTMLElement && isTabbable(el)) found.push(el);
    if (el instanceof HTMLSlotElement) {
      for (const a of el.assignedElements({ flatten: true })) visit(a);
      return;
    }
    const children = el.shadowRoot ? el.shadowRoot.children : el.children;
    for (const c of children) visit(c);
  };
  for (const c of root.children) visit(c);
  return found;
}
