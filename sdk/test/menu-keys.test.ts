// The one keyboard of the SDK's three popup menus (elements/shared/menu-keys.ts), without a DOM:
// which item each key focuses, that Escape and Tab close (Escape keeps the key, Tab lets it move
// on from the trigger), and that keys the menu does not use pass through untouched.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { menuKeydown, menuStep } from '../src/elements/shared/menu-keys.js';

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

/** A stand-in menu item: knows what it contains and records focus, as much as menuKeydown asks of one. */
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

describe('menuKeydown', () => {
  const setup = () => {
    const focused: string[] = [];
    const closed: string[] = [];
    const icon = {};
    const items = [new Item('call', focused), new Item('chat', focused, icon), new Item('profile', focused)];
    const press = (key: string, target: unknown) => {
      const k = keydown(key, target);
      menuKeydown(k.event, items as unknown as HTMLElement[], () => closed.push(key));
      return k.seen;
    };
    return { focused, closed, icon, items, press };
  };

  it('moves from the item the key came from (also from inside one), and keeps the key from the page', () => {
    const { focused, icon, items, press } = setup();
    const down = press('ArrowDown', items[0]);
    press('ArrowDown', icon);
    press('End', items[0]);
    press('Home', items[2]);
    assert.deepEqual(focused, ['chat', 'profile', 'profile', 'call']);
    assert.deepEqual(down, { prevented: true, stopped: true }, 'the page does not scroll, nothing around the menu sees the key');
  });

  it('Escape closes (focus back on the trigger is close()\'s job) and stops there; Tab closes and keeps its move', () => {
    const { closed, items, press } = setup();
    const escape = press('Escape', items[1]);
    assert.deepEqual(closed, ['Escape']);
    assert.deepEqual(escape, { prevented: true, stopped: true }, 'the call window around the menu stays open');
    const tab = press('Tab', items[1]);
    assert.deepEqual(closed, ['Escape', 'Tab']);
    assert.deepEqual(tab, { prevented: false, stopped: false }, 'Tab goes on from the trigger');
  });

  it('leaves other keys to the item (Enter chooses it) and the page', () => {
    const { focused, closed, items, press } = setup();
    const enter = press('Enter', items[0]);
    assert.deepEqual({ focused, closed, ...enter }, { focused: [], closed: [], prevented: false, stopped: false });
  });
});
