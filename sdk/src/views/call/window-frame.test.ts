// The docked call window's geometry without the element: inside the viewport at any size, the
// minimum size, pointer moves and resizes, keyboard steps and what a stored marker may bring back.
import { expect } from '@open-wc/testing';
import { EDGE, FINE_STEP, MIN_HEIGHT, MIN_WIDTH, STEP, clampFrame, defaultFrame, frameAfterKey, movedFrame, parseFrame, resizedFrame, shownMode, type WindowFrame } from './window-frame.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const laptop = { width: 1280, height: 800 };
const phone = { width: 375, height: 640 };
const inside = (f: WindowFrame, vp: { width: number; height: number }) =>
  f.x >= EDGE && f.y >= EDGE && f.x + f.width <= vp.width - EDGE && f.y + f.height <= vp.height - EDGE;

describe('window frame', () => {
  it('a new docked window sits at the bottom right, inside the viewport, leaving the top free', () => {
    const f = defaultFrame(laptop);
    expect(inside(f, laptop)).to.equal(true);
    expect(f.x + f.width).to.be.greaterThan(laptop.width - 40);
    expect(f.y).to.be.greaterThan(200);
    const small = defaultFrame(phone);
    expect(inside(small, phone)).to.equal(true);
    expect(small.width).to.equal(phone.width - 2 * EDGE);
  });

  it('clamps a frame into a viewport that shrank: moved first, shrunk only when it does not fit', () => {
    const f = { x: 900, y: 500, width: 360, height: 280 };
    expect(clampFrame(f, laptop)).to.deep.equal(f);
    expect(clampFrame(f, { width: 1000, height: 700 })).to.deep.equal({ x: 1000 - EDGE - 360, y: 700 - EDGE - 280, width: 360, height: 280 });
    const tiny = clampFrame(f, { width: 300, height: 200 });
    expect(tiny).to.deep.equal({ x: EDGE, y: EDGE, width: 300 - 2 * EDGE, height: 200 - 2 * EDGE });
    expect(clampFrame({ x: -50, y: -20, width: 100, height: 50 }, laptop)).to.deep.equal({ x: EDGE, y: EDGE, width: MIN_WIDTH, height: MIN_HEIGHT });
    expect(clampFrame({ x: 10.4, y: 20.6, width: 400.2, height: 300.7 }, laptop)).to.deep.equal({ x: 10, y: 21, width: 400, height: 301 });
  });

  it('moves by a drag and stops at the edges', () => {
    const f = { x: 100, y: 100, width: 400, height: 300 };
    expect(movedFrame(f, 50, -30, laptop)).to.deep.equal({ x: 150, y: 70, width: 400, height: 300 });
    expect(movedFrame(f, -500, -500, laptop)).to.deep.equal({ x: EDGE, y: EDGE, width: 400, height: 300 });
    expect(movedFrame(f, 5000, 5000, laptop)).to.deep.equal({ x: laptop.width - EDGE - 400, y: laptop.height - EDGE - 300, width: 400, height: 300 });
  });

  it('resizes by its corner: never below the minimum, never past the viewport, the top left stays', () => {
    const f = { x: 100, y: 100, width: 400, height: 300 };
    expect(resizedFrame(f, 80, 40, laptop)).to.deep.equal({ x: 100, y: 100, width: 480, height: 340 });
    expect(resizedFrame(f, -1000, -1000, laptop)).to.deep.equal({ x: 100, y: 100, width: MIN_WIDTH, height: MIN_HEIGHT });
    expect(resizedFrame(f, 5000, 5000, laptop)).to.deep.equal({ x: 100, y: 100, width: laptop.width - EDGE - 100, height: laptop.height - EDGE - 100 });
  });

  it('keys: arrows move, Shift+arrows resize, Alt steps finely, other keys do nothing', () => {
    const f = { x: 200, y: 200, width: 400, height: 300 };
    expect(frameAfterKey(f, { key: 'ArrowLeft' }, laptop)).to.deep.equal({ ...f, x: 200 - STEP });
    expect(frameAfterKey(f, { key: 'ArrowDown' }, laptop)).to.deep.equal({ ...f, y: 200 + STEP });
    expect(frameAfterKey(f, { key: 'ArrowRight', shiftKey: true }, laptop)).to.deep.equal({ ...f, width: 400 + STEP });
    expect(frameAfterKey(f, { key: 'ArrowUp', shiftKey: true }, laptop)).to.deep.equal({ ...f, height: 300 - STEP });
    expect(frameAfterKey(f, { key: 'ArrowUp', altKey: true }, laptop)).to.deep.equal({ ...f, y: 200 - FINE_STEP });
    expect(frameAfterKey(f, { key: 'Enter' }, laptop)).to.equal(undefined);
    expect(frameAfterKey({ ...f, x: EDGE }, { key: 'ArrowLeft' }, laptop)).to.deep.equal({ ...f, x: EDGE });
  });

  it('reads back only a well-formed stored frame', () => {
    expect(parseFrame({ x: 1, y: 2, width: 300, height: 200 })).to.deep.equal({ x: 1, y: 2, width: 300, height: 200 });
    expect(parseFrame({ x: 1, y: 2, width: 300 })).to.equal(undefined);
    expect(parseFrame({ x: '1', y: 2, width: 300, height: 200 })).to.equal(undefined);
    expect(parseFrame({ x: 1, y: 2, width: 0, height: 200 })).to.equal(undefined);
    expect(parseFrame({ x: Number.NaN, y: 2, width: 3, height: 2 })).to.equal(undefined);
    expect(parseFrame(null)).to.equal(undefined);
    expect(parseFrame('x')).to.equal(undefined);
  });

  it('shows a docked window full on a phone-sized viewport, and docked again where there is room', () => {
    expect(shownMode('docked', laptop)).to.equal('docked');
    expect(shownMode('docked', { width: 375, height: 667 })).to.equal('full');
    expect(shownMode('docked', { width: 667, height: 340 })).to.equal('full');
    expect(shownMode('docked', { width: 480, height: 360 })).to.equal('docked');
    expect(shownMode('full', laptop)).to.equal('full');
    expect(shownMode('docked', { width: 0, height: 0 }), 'not measured yet').to.equal('docked');
  });
});
