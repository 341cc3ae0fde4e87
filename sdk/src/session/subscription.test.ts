// Which remote videos are received: only the ones a view shows, at the largest size shown.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planSubscriptions } from './subscription.js';
import { pageItems } from './layout.js';

describe('planSubscriptions', () => {
  it('receives everything until a view says what it shows', () => {
    const plan = planSubscriptions([{ identity: 'a', source: 'camera', sid: 'T1' }], undefined);
    assert.deepEqual(plan.get('T1'), { subscribed: true });
  });

  it('a paged tile view of 1..50 people receives exactly the tiles on the current page', () => {
    for (let n = 1; n <= 50; n++) {
      const published = Array.from({ length: n }, (_, i) => ({ identity: `p${i}`, source: 'camera' as const, sid: `T${i}` }));
      const pages = Math.ceil(n / 9);
      for (let page = 0; page < pages; page++) {
        const shown = pageItems(published, page, 9).map((v) => ({ identity: v.identity, source: v.source, width: 320, height: 180 }));
        const plan = planSubscriptions(published, shown, 2);
        const on = published.filter((v) => plan.get(v.sid)?.subscribed).map((v) => v.identity);
        assert.deepEqual(on, shown.map((s) => s.identity), `n=${n} page=${page}`);
        for (const s of shown) assert.deepEqual(plan.get(`T${s.identity.slice(1)}`), { subscribed: true, width: 640, height: 360 });
      }
    }
  });

  it('a video on the stage and in the strip is received at the stage size; camera and screen are apart', () => {
    const published = [{ identity: 'a', source: 'camera' as const, sid: 'C' }, { identity: 'a', source: 'screen' as const, sid: 'S' }];
    const plan = planSubscriptions(published, [
      { identity: 'a', source: 'screen', width: 1280, height: 720 },
      { identity: 'a', source: 'screen', width: 160, height: 90 },
    ]);
    assert.deepEqual(plan.get('S'), { subscribed: true, width: 1280, height: 720 });
    assert.deepEqual(plan.get('C'), { subscribed: false });
  });
});
