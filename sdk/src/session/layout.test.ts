// Tile layout for 1..50 participants in phone, laptop and wall-screen boxes: the grid fits the box,
// pages hold at most M tiles and show everyone exactly once, the speaker view leaves a stage.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gridLayout, pageCount, pageItems, speakerLayout, tilePage } from './layout.js';

const boxes = [
  { width: 375, height: 560 },
  { width: 1024, height: 640 },
  { width: 1920, height: 1000 },
];

describe('gridLayout', () => {
  it('fits N = 1..50 tiles into each box, 16:9, no whole empty row', () => {
    for (const box of boxes) {
      for (let n = 1; n <= 50; n++) {
        const g = gridLayout(n, box);
        assert.ok(g.columns * g.rows >= n, `${n} tiles fit ${g.columns}x${g.rows}`);
        assert.ok((g.rows - 1) * g.columns < n, 'no empty row');
        assert.ok(g.columns * g.tileWidth + 8 * (g.columns - 1) <= box.width + 0.01, `n=${n} width`);
        assert.ok(g.rows * g.tileHeight + 8 * (g.rows - 1) <= box.height + 0.01, `n=${n} height`);
        assert.ok(Math.abs(g.tileWidth / g.tileHeight - 16 / 9) < 0.02, 'aspect kept');
        // No other column count gives bigger tiles (a single column of three or more: 10 % bigger).
        const bias = (columns: number, width: number) => (columns === 1 && n > 2 ? width * 0.9 : width);
        for (let c = 1; c <= n; c++) {
          const r = Math.ceil(n / c);
          const w = Math.min((box.width - 8 * (c - 1)) / c, ((box.height - 8 * (r - 1)) / r) * (16 / 9));
          assert.ok(bias(c, w) <= bias(g.columns, g.tileWidth) + 0.02, `n=${n}: ${c} columns would give ${w} > ${g.tileWidth}`);
        }
      }
    }
  });

  it('stacks two people on a phone held upright and puts them side by side on a wide screen', () => {
    assert.deepEqual([gridLayout(2, boxes[0]!).columns, gridLayout(2, boxes[0]!).rows], [1, 2]);
    assert.deepEqual([gridLayout(2, boxes[2]!).columns, gridLayout(2, boxes[2]!).rows], [2, 1]);
    assert.deepEqual([gridLayout(9, boxes[2]!).columns, gridLayout(9, boxes[2]!).rows], [3, 3]);
  });

  it('three people in a panel beside a chat: two columns, not a narrow column a few per cent larger; a phone stacks them', () => {
    const panel = gridLayout(3, { width: 559, height: 486 });
    assert.deepEqual([panel.columns, panel.rows], [2, 2]);
    assert.deepEqual([gridLayout(3, boxes[0]!).columns, gridLayout(3, boxes[0]!).rows], [1, 3]);
  });
});

describe('pages', () => {
  it('N = 1..50 with at most M per page: everyone once, no page over M, only the last page short', () => {
    for (const perPage of [1, 4, 9, 16]) {
      for (let n = 1; n <= 50; n++) {
        const items = Array.from({ length: n }, (_, i) => i);
        const pages = pageCount(n, perPage);
        assert.equal(pages, Math.ceil(n / perPage));
        const seen: number[] = [];
        for (let p = 0; p < pages; p++) {
          const page = tilePage(items, p, boxes[1]!, perPage);
          assert.equal(page.page, p);
          assert.ok(page.tiles.length <= perPage && page.tiles.length > 0);
          if (p < pages - 1) assert.equal(page.tiles.length, perPage);
          assert.ok(page.grid.columns * page.grid.rows >= page.tiles.length);
          seen.push(...page.tiles);
        }
        assert.deepEqual(seen, items);
      }
    }
  });

  it('a page past the end shows the last page (people left while it was open)', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    assert.deepEqual(pageItems(items, 5, 9), [9]);
    assert.equal(tilePage(items, 5, boxes[0]!, 9).page, 1);
    assert.deepEqual(pageItems([], 0, 9), []);
  });
});

describe('speakerLayout', () => {
  it('one stage and a strip of at most stripMax for N = 1..50, inside the box', () => {
    for (const box of boxes) {
      for (let n = 1; n <= 50; n++) {
        const s = speakerLayout(n, box, { stripMax: 6 });
        assert.equal(s.strip.tiles, Math.min(n - 1, 6));
        assert.ok(s.stage.width > 0 && s.stage.height > 0);
        if (s.strip.tiles === 0) {
          assert.deepEqual(s.stage, box);
          continue;
        }
        if (s.strip.direction === 'column') {
          assert.ok(s.stage.width + s.strip.tileWidth + 8 <= box.width + 0.01);
          assert.ok(s.strip.tiles * s.strip.tileHeight + 8 * (s.strip.tiles - 1) <= box.height + 0.01);
        } else {
          assert.ok(s.stage.height + s.strip.tileHeight + 8 <= box.height + 0.01);
          assert.ok(s.strip.tiles * s.strip.tileWidth + 8 * (s.strip.tiles - 1) <= box.width + 0.01);
        }
        assert.ok(s.stage.width * s.stage.height > s.strip.tileWidth * s.strip.tileHeight, 'the stage is the largest picture');
      }
    }
  });

  it('the strip goes beside the stage on a wide screen and below it on a phone', () => {
    assert.equal(speakerLayout(4, boxes[2]!).strip.direction, 'column');
    assert.equal(speakerLayout(4, boxes[0]!).strip.direction, 'row');
  });
});
