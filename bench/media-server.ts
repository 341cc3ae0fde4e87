// Dev media server bench: join-to-first-remote-frame latency (median of 10 joins), the same for three
// people joining one room together (each sees the other two within 3 s), and the largest room of browsers each publishing 640x360 video + audio in which every subscriber still paints
// >= 15 fps of every other participant. Must run inside `unshare -n` with lo up (or offline).
import { startMediaServer } from '../dev-media-server/src/server.js';
import { startLiveKitPageHost, type LiveKitPage } from '../testing/cross-process/livekit-page.js';
import { roomToken } from '../testing/node/tokens.js';

const MIN_FPS = 15;
const GROWTH_BUDGET_MS = 180_000;

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'media-server', metric, value, unit, target, ok })}`);
}

const media = await startMediaServer({ port: 0 });
const host = await startLiveKitPageHost();
try {
  // 1. latency: a publisher is in the room; a newcomer joins and waits for its first painted frame
  const publisher = await host.open('publisher');
  await publisher.join(media.url, await roomToken('publisher', 'latency'), { mic: false });
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const viewer = await host.open(`viewer-${i}`);
    const started = Date.now();
    await viewer.join(media.url, await roomToken(`viewer-${i}`, 'latency'), { camera: false, mic: false });
    await viewer.waitForFrames('publisher', { minFrames: 1, timeoutMs: 20_000 });
    samples.push(Date.now() - started);
    await viewer.leave();
    await viewer.close();
  }
  samples.sort((a, b) => a - b);
  const median = (samples[4] + samples[5]) / 2;
  console.error(`join-to-first-frame samples (ms): ${samples.join(', ')}`);
  bench('join to first remote frame (median of 10)', Math.round(median), 'ms', '< 3000', median < 3000);
  await publisher.leave();
  await publisher.close();

  // 2. three people join together: from the moment both of a pair were in the room (the later
  //    join) to the first frame of the other painted, worst of the six pairs
  const names = ['ada', 'ben', 'cem'];
  const trio = await Promise.all(names.map((n) => host.open(n)));
  // page clocks (performance.now) mapped to wall-clock time, to compare joins across pages
  const offsets = await Promise.all(trio.map(async (p) => { const t = await p.page.evaluate(() => performance.now()); return Date.now() - t; }));
  const joinedAt: number[] = [];
  await Promise.all(trio.map(async (page, i) => {
    await page.join(media.url, await roomToken(names[i], 'trio'));
    joinedAt[i] = Date.now();
  }));
  const pairs: number[] = [];
  for (const [i, page] of trio.entries()) {
    for (const [j, other] of names.entries()) {
      if (i === j) continue;
      const stat = await page.waitForFrames(other, { minFrames: 1 });
      pairs.push(stat.firstFrameAt + offsets[i] - Math.max(joinedAt[i], joinedAt[j]));
    }
  }
  const worst = Math.round(Math.max(...pairs));
  console.error(`three people, both joined to first frame (ms): ${pairs.map(Math.round).join(', ')}`);
  bench('three joining together: worst both-joined to first remote frame', worst, 'ms', '< 3000', worst < 3000);
  await Promise.all(trio.map(async (p) => { await p.leave(); await p.close(); }));

  // 3. largest room: grow 2, 3, 4, … while every subscriber paints >= 15 fps of every publisher
  const pages: LiveKitPage[] = [];
  const deadline = Date.now() + GROWTH_BUDGET_MS;
  let largest = 0;
  let lowest = 0;
  for (let n = 2; Date.now() < deadline; n++) {
    while (pages.length < n) {
      const page = await host.open(`p${pages.length}`);
      await page.join(media.url, await roomToken(`p${pages.length}`, 'capacity'), { width: 640, height: 360, frameRate: 30 });
      pages.push(page);
    }
    const ids = pages.map((_, i) => `p${i}`);
    try {
      for (const [i, page] of pages.entries()) {
        for (const id of ids) if (id !== ids[i]) await page.waitForFrames(id, { minFrames: 5, timeoutMs: 20_000 });
      }
    } catch (err) {
      console.error(`room of ${n}: ${(err as Error).message.slice(0, 200)}`);
      break;
    }
    // let the room settle, then measure painted frames over 5 s
    const settle = (await pages[0].videoStat(ids[1]))!.frames;
    await pages[0].waitForFrames(ids[1], { after: settle, minFrames: 30, timeoutMs: 10_000 }).catch(() => undefined);
    const before = await Promise.all(pages.map((p) => p.run((lk) => Object.fromEntries(Object.entries(lk.state.video).map(([k, v]) => [k, { frames: v.frames, at: performance.now() }])))));
    await pages[0].page.waitForTimeout(5000); // the measuring window itself
    const after = await Promise.all(pages.map((p) => p.run((lk) => Object.fromEntries(Object.entries(lk.state.video).map(([k, v]) => [k, { frames: v.frames, at: performance.now() }])))));
    let worst = Infinity;
    for (const [i, b] of before.entries()) {
      for (const [key, start] of Object.entries(b)) {
        const end = after[i][key];
        if (!end) continue;
        worst = Math.min(worst, ((end.frames - start.frames) * 1000) / (end.at - start.at));
      }
    }
    console.error(`room of ${n}: lowest subscriber fps ${worst.toFixed(1)}`);
    if (worst < MIN_FPS) break;
    largest = n;
    lowest = worst;
  }
  bench('largest room, every subscriber >= 15 fps (640x360 + audio each)', largest, 'participants', '>= 3', largest >= 3);
  if (largest) bench(`lowest subscriber fps in the room of ${largest}`, Number(lowest.toFixed(1)), 'fps', `>= ${MIN_FPS}`, lowest >= MIN_FPS);
} finally {
  await host.close();
  await media.close();
}
