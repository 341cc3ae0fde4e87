// The one keyboard of the SDK's three popup menus (elements/shared/menu-keys.ts), without a DOM:
// which item each key focuses, that Escape and Tab close (Escape keeps the key, Tab lets it move
// on from the trigger), and that keys the menu does not use pass through untouched.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MenuKeys, menuStep } from '../src/elements/shared/menu-keys.js';

describe('menuStep', () => {
  it('arrow keys move to the next and previous item and wrap at both ends', () => {
    assert.equal(menuStep('ArrowDown', 0, 3), 1);
    assert.equal(menuStep('ArrowDown', 2, 3), 0);
    assert.equal(menuStep('ArrowUp', 1, 3), 0);
    assert.equal(menuStep('ArrowUp', 0, 3), 2);
  });

  it('from outside the items, arrow down goes to the first and arrow up to the last', () => {
    assert.equal(menuStep('ArrowDown', -1, 3), 0);
    assert.equal(menuStep('ArrowUp', -1, 3), 2);
  });

  it('Home and End go to the first and the last item', () => {
    assert.equal(menuStep('Home', 2, 4), 0);
    assert.equal(menuStep('End', 0, 4), 3);
  });

  it('Escape and Tab close, also a menu without items; other keys do nothing', () => {
    assert.equal(menuStep('Escape', 1, 3), 'Escape');
    assert.equal(menuStep('Tab', 1, 3), 'Tab');
    assert.equal(menuStep('Escape', -1, 0), 'Escape');
    assert.equal(menuStep('ArrowDown', -1, 0), -1, 'no item to go to');
    for (const key of ['Enter', ' ', 'a', 'ArrowLeft', 'ArrowRight', 'Shift', 'constructor']) assert.equal(menuStep(key, 0, 3), -1, key);
  });
});

/** A stand-in menu item: knows what it contains and records focus, as much as MenuKeys asks of one. */
class Item {
  constructor(readonly name: string, private readonly focused: string[], readonly inner?: object) {}
  focus(): void {
    this.focused.push(this.name);
  }
  contains(node: unknown): boolean {
    return node === this || (this.inner !== undefined && node === this.inner);
  }
}

function keydown(key: string, target: unknown) {
  const seen = { prevented: false, stopped: false };
  const event = {
    key,
    composedPath: () => [target],
    preventDefault: () => void (seen.prevented = true),
    stopPropagation: () => void (seen.stopped = true),
  };
  return { event: event as unknown as KeyboardEvent, seen };
}

describe('MenuKeys', () => {
  const setup = () => {
    const focused: string[] = [];
    const closed: boolean[] = [];
    const icon = {};
    const items = [new Item('call', focused), new Item('chat', focused, icon), new Item('profile', focused)];
    const keys = new MenuKeys(() => items as unknown as HTMLElement[], (refocus) => closed.push(refocus));
    return { focused, closed, icon, items, keys };
  };

  it('focuses the first item on open, and moves from the item the key came from (also from inside one)', () => {
    const { focused, icon, items, keys } = setup();
    keys.focusFirst();
    const down = keydown('ArrowDown', items[0]);
    keys.onKeydown(down.event);
    const fromIcon = keydown('ArrowDown', icon);
    keys.onKeydown(fromIcon.event);
    keys.onKeydown(keydown('End', items[0]).event);
    assert.deepEqual(focused, ['call', 'chat', 'profile', 'profile']);
    assert.deepEqual(down.seen, { prevented: true, stopped: true }, 'the page does not scroll, nothing around the menu sees the key');
  });

  it('Escape closes with focus back on the trigger and stops there; Tab closes and keeps its move', () => {
    const { closed, items, keys } = setup();
    const escape = keydown('Escape', items[1]);
    keys.onKeydown(escape.event);
    assert.deepEqual(closed, [true]);
    assert.deepEqual(escape.seen, { prevented: true, stopped: true }, 'the call window around the menu stays open');
    const tab = keydown('Tab', items[1]);
    keys.onKeydown(tab.event);
    assert.deepEqual(closed, [true, true]);
    assert.deepEqual(tab.seen, { prevented: false, stopped: false }, 'Tab goes on from the trigger');
  });

  it('leaves other keys to the item (Enter chooses it) and the page', () => {
    const { focused, closed, items, keys } = setup();
    const enter = keydown('Enter', items[0]);
    keys.onKeydown(enter.event);
    assert.deepEqual({ focused, closed, ...enter.seen }, { focused: [], closed: [], prevented: false, stopped: false });
  });
});
