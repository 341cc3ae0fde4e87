// The keyboard of the SDK's popup menus (the contact menu, the call window's "Weitere
// Kontaktoptionen", the control bar's "Weitere Steuerelemente"), written once so the three behave
// alike: arrow keys move through the items and wrap, Home/End go to the first/last, Escape closes
// and gives focus back to what opened the menu, Tab does the same and then goes on from there as
// Tab does. Focus moves between the items themselves (tabindex="-1" or buttons), so a screen
// reader follows it. Small on purpose: it is part of the light part every portal page loads.

/**
 * What `key` does in an open menu while the item at `at` has focus (-1: none of them) among
 * `count` items: the index of the item to focus, 'Escape' or 'Tab' (close), or -1 (nothing).
 */
export function menuStep(key: string, at: number, count: number): number | 'Escape' | 'Tab' {
  if (key === 'Escape' || key === 'Tab') return key;
  // Arrow up from outside the items (focus still on the menu) goes to the last one.
  const to = key === 'ArrowDown' ? at + 1 : key === 'ArrowUp' ? (at < 0 ? -1 : at - 1) : key === 'Home' ? 0 : key === 'End' ? -1 : NaN;
  return count && to === to ? (to + count) % count : -1;
}

/**
 * A menu's keydown listener: `items` are the menu's items in order as they are now (host items
 * from a slot included); `close()` closes the menu and focuses its trigger.
 */
export function menuKeydown(e: KeyboardEvent, items: HTMLElement[], close: () => void): void {
  const target = e.composedPath()[0] as Node;
  const step = menuStep(e.key, items.findIndex((i) => i.contains(target)), items.length);
  if (step === -1) return;
  if (typeof step === 'number') items[step]!.focus();
  else {
    close();
    // Tab goes on from the trigger as usual: its own move is not taken away.
    if (step === 'Tab') return;
  }
  e.preventDefault();
  // Escape closes this menu only, not what holds it (the call window, a dialog).
  e.stopPropagation();
}
