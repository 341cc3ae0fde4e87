// Join bench: from the click on "Teilnehmen" in the conference's pre-join to the first painted
// frame of a remote camera (median of 10), beside the same join made with bare livekit-client
// (Room.connect, subscribe, first frame) on the same dev media server in the same run. Everything
// is real: the demo portal, the token service (every LiveKit token, the bare side's too, comes
// from POST /v1/token) and the dev media server (testing/cross-process/stack.ts). Carla publishes her camera
// into room Vertrieb from a bare livekit-client page; Ben joins through the SDK on the room page
// (room bar "Teilnehmen", pre-join open with camera and microphone off, then timed from the
// pre-join's "Teilnehmen"); Felix joins bare, token in hand, timed from Room.connect. Both are
// timed from Node around one page.evaluate and a requestAnimationFrame-polled wait, so the
// harness costs the same on both sides; the two alternate run by run. Runs inside `unshare -n`
// (npm run bench does that as root): `npm run bench -- join`.
import { startStack } from '../testing/cross-process/stack.js';
import { signIn } from '../testing/cross-process/people.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { startLiveKitPageHost } from '../testing/cross-process/livekit-page.js';
import { PAGE_TRACE, traceOf } from './lib/page-trace.js';
import { median } from './lib/stats.js';

/** JOIN_TRACE=1: print where each join's time goes (page-side timestamps, both sides). */
const TRACE = !!process.env.JOIN_TRACE;

const RUNS = 10;
const TARGET = 1.15;
const ROOM = 'vertrieb';
const TIMEOUT = 120_000;

function bench(metric: string, value: number | string, unit: string, target: string, ok?: boolean): void {
  console.log(`BENCH ${JSON.stringify({ bench: 'join', metric, value, unit, target, ok })}`);
}


const stack = await startStack();
const browser = await launchChromium();
const pages = await startLiveKitPageHost({ browser });

/** A LiveKit token for `user` from the token service, as the portal's pages get one. */
async function serviceToken(user: string): Promise<{ token: string; url: string }> {
  const login = await fetch(`${stack.portal.url}/login`, {
    method: 'POST', body: new URLSearchParams({ user }), redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const portal = (await (await fetch(`${stack.portal.url}/api/portal-token`, { headers: { cookie } })).json()) as { token: string };
  const res = await fetch(`${stack.tokenServiceUrl}/v1/token`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${portal.token}` }, body: JSON.stringify({ room: ROOM }),
  });
  if (!res.ok) throw new Error(`POST /v1/token for ${user}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; url: string };
}

try {
  const publisher = await pages.open('carla');
  const carla = await serviceToken('carla');
  await publisher.join(carla.url, carla.token, { mic: false });
  const sdk: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Bare livekit-client: connect and wait for Carla's first painted frame.
    const viewer = await pages.open(`felix-${i}`);
    const felix = await serviceToken('felix');
    if (TRACE) await viewer.page.evaluate(PAGE_TRACE);
    let started = Date.now();
    await viewer.join(felix.url, felix.token, { camera: false, mic: false });
    await viewer.page.waitForFunction(() => (window.lk.state.video['carla/camera']?.frames ?? 0) >= 1, undefined, { polling: 'raf', timeout: TIMEOUT });
    bare.push(Date.now() - started);
    if (TRACE) {
      console.error(`bare ${i}: ${bare.at(-1)} ms (ms after the start):\n${await traceOf(viewer.page, started)}`);
    }
    await viewer.leave();
    await viewer.close();

    // The SDK: Ben on the room page; the pre-join is open (token fetched, nothing captured).
    const ben = await signIn(browser, stack.portal.url, 'ben', 'de');
    if (TRACE) await ben.context.addInitScript(PAGE_TRACE);
    await ben.page.evaluate(() => localStorage.setItem('timio.media-choices', JSON.stringify({ camera: false, microphone: false })));
    await ben.goto(`/chat/${ROOM}`);
    await ben.page.locator('timio-room-bar [part="join"]').click();
    await ben.page.locator('timio-conference-prejoin button.join').first().waitFor({ timeout: TIMEOUT });
    started = Date.now();
    await ben.page.evaluate(() => {
      const prejoin = document.querySelector('timio-conference')!.shadowRoot!.querySelector('timio-conference-prejoin')!;
      prejoin.shadowRoot!.querySelector<HTMLButtonElement>('button.join')!.click();
    });
    await ben.page.waitForFunction(() => {
      const stage = document.querySelector('timio-conference')?.shadowRoot?.querySelector('timio-conference-stage');
      const tile = stage?.shadowRoot?.querySelector('timio-video-tile[data-key="carla:camera"]');
      const video = tile?.shadowRoot?.querySelector('video');
      return !!video && video.getVideoPlaybackQuality().totalVideoFrames >= 1 && video.videoWidth > 0;
    }, undefined, { polling: 'raf', timeout: TIMEOUT });
    sdk.push(Date.now() - started);
    if (TRACE) {
      console.error(`sdk ${i}: ${sdk.at(-1)} ms (ms after the click):\n${await traceOf(ben.page, started)}`);
    }
    await ben.page.evaluate(() => document.querySelector('timio-conference')!.leave());
    await ben.close();
  }
  console.error(`bare livekit-client join → first frame (ms): ${bare.join(', ')}`);
  console.error(`SDK "Teilnehmen" → first frame (ms): ${sdk.join(', ')}`);
  const b = median(bare);
  const s = median(sdk);
  bench('bare livekit-client join → first remote frame (median of 10)', Math.round(b), 'ms', 'reference');
  bench('SDK "Teilnehmen" → first remote frame (median of 10)', Math.round(s), 'ms', '<= bare + 15 %', s <= b * TARGET);
  bench('SDK over bare', Math.round((s / b - 1) * 100), '%', '<= 15 %', s <= b * TARGET);
  await publisher.leave();
} finally {
  await pages.close();
  await browser.close();
  await stack.close();
}
