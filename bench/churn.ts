// Churn bench: a browser page (real livekit-client) stays in one meeting with two synthetic
// residents while 20 synthetic guests join and leave one after another (each guest joins before the
// previous one leaves). Per cycle: time from the guest's join until the page decodes its first
// frame, the page's subscriber SDP (bytes, m-lines) and the media server's RSS (the server runs in
// its own process, read over its debug endpoint). Must run inside `unshare -n` with lo up.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forwardedVideoFrom, readForwarding, waitForForwarding } from '../testing/node/forwarding.js';
import { startLiveKitPageHost, type LiveKitPage } from '../testing/cross-process/livekit-page.js';
import { SyntheticCrowd, type SyntheticParticipant } from '../testing/node/synthetic-participants.js';
import { roomToken } from '../testing/node/tokens.js';

const CYCLES = 20;
const ROOM = 'churn-bench';

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'churn', metric, value, unit, target, ok })}`);
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

async function startServerProcess(): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL('../dev-media-server/src/server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, '--port', '0', '--debug-endpoints'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`media server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (ws:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`media server exited (${code}): ${out}`)));
  });
  child.stdout!.resume();
  return { url, child };
}

const { url, child } = await startServerProcess();
const crowd = new SyntheticCrowd({ url, max: 6 });
const host = await startLiveKitPageHost();
try {
  const viewer: LiveKitPage = await host.open('viewer');
  const present: SyntheticParticipant[] = [];
  for (const id of ['resident-1', 'resident-2']) present.push(await crowd.join(ROOM, id));
  await viewer.join(url, await roomToken('viewer', ROOM), { camera: false, mic: false });
  for (const p of present) await viewer.waitForFrames(p.identity, { timeoutMs: 30_000 });
  const rssStart = rssMb(child.pid!);

  const firstFrameMs: number[] = [];
  const sdp: { bytes: number; mediaSections: number }[] = [];
  const rss: number[] = [];
  let keptDecoding = 0;
  let previous: SyntheticParticipant | undefined;
  for (let i = 1; i <= CYCLES; i++) {
    const started = Date.now();
    const guest = await crowd.join(ROOM, `guest-${i}`);
    await viewer.waitForFrames(guest.identity, { minFrames: 1, timeoutMs: 30_000 });
    firstFrameMs.push(Date.now() - started);
    present.push(guest);
    if (previous) {
      const leaving = previous;
      await leaving.leave();
      present.splice(present.indexOf(leaving), 1);
      await viewer.waitForEvent('left', { identity: leaving.identity }, 15_000);
    }
    previous = guest;
    // everyone present: frames advance in the page and the server forwards exactly their video
    const ids = present.map((p) => p.identity).sort();
    try {
      for (const id of ids) {
        const before = (await viewer.videoStat(id))?.frames ?? 0;
        await viewer.waitForFrames(id, { after: before, minFrames: 3, timeoutMs: 15_000 });
      }
      await waitForForwarding(url, ROOM, 'viewer', (r) => forwardedVideoFrom(r).join() === ids.join(), { timeoutMs: 10_000 });
      keptDecoding += 1;
    } catch (err) {
      console.error(`cycle ${i}: ${(err as Error).message.slice(0, 300)}`);
    }
    const report = await readForwarding(url, ROOM, 'viewer');
    sdp.push({ bytes: report.subscriberSdp.bytes, mediaSections: report.subscriberSdp.mediaSections });
    rss.push(rssMb(child.pid!));
    console.error(`cycle ${i}: first frame ${firstFrameMs[i - 1]} ms, SDP ${report.subscriberSdp.bytes} B / ${report.subscriberSdp.mediaSections} m-lines, server RSS ${rss[i - 1]} MB`);
  }

  const sorted = [...firstFrameMs].sort((a, b) => a - b);
  const median = (sorted[CYCLES / 2 - 1] + sorted[CYCLES / 2]) / 2;
  const p90 = sorted[Math.ceil(CYCLES * 0.9) - 1];
  bench(`guest join → first decoded frame in the page (median of ${CYCLES})`, Math.round(median), 'ms', '< 3000', median < 3000);
  bench(`guest join → first decoded frame in the page (p90 of ${CYCLES})`, p90, 'ms', 'info');
  bench(`cycles in which the page kept decoding everyone present`, `${keptDecoding}/${CYCLES}`, 'cycles', `${CYCLES}/${CYCLES}`, keptDecoding === CYCLES);
  const maxSections = Math.max(...sdp.map((s) => s.mediaSections));
  bench('subscriber SDP m-lines, most over all cycles (at most 4 videos at once + data)', maxSections, 'm-lines', '<= 5', maxSections <= 5);
  // cycle 1 has one guest, every later cycle two at the moment of measuring: compare from cycle 2
  bench('subscriber SDP bytes, cycle 2 → cycle 20', `${sdp[1].bytes} → ${sdp[CYCLES - 1].bytes}`, 'bytes', 'no growth', sdp[CYCLES - 1].bytes <= sdp[1].bytes * 1.1);
  bench('media server RSS, before → cycle 1 → cycle 10 → cycle 20', `${rssStart} → ${rss[0]} → ${rss[CYCLES / 2 - 1]} → ${rss[CYCLES - 1]}`, 'MB', 'flat after warm-up');
} finally {
  await crowd.close();
  await host.close();
  child.kill('SIGTERM');
}
