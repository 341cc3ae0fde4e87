// The camera background in the demo portal (its documented CSP with 'wasm-unsafe-eval', the SDK and
// its segmentation files from the portal's own /sdk/): the conference pre-join's preview shows the
// blur before joining and the others then receive it blurred; a background chosen once stays on
// across a page change during a 1:1 call (the call resumed on the next page publishes blurred
// frames again). What is measured is pictures: the mean absolute Laplacian (sharpness) of the
// preview's and the partner's <video> (testing/cross-process/picture.ts), against the same camera
// clip received unprocessed. The fake camera (a moving checkerboard) shows no person, so this
// proves the pipeline, not the mask.
// Real token service, dev media server, Chromium with fake devices, the SDK from its script tag.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/backgrounds-portal.test.ts'
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { launchChromium } from '../testing/cross-process/chromium.js';
import { signIn, type Person } from '../testing/cross-process/people.js';
import { writePatternCamera } from '../testing/cross-process/pattern-camera.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { medianSharpness, waitForPicture } from '../testing/cross-process/picture.js';
import { WAIT_MS, waitUntil } from '../testing/wait.js';

const ROOM = 'vertrieb';
const partnerVideo = 'timio-call video[data-track="partner-camera"]';
const preview = 'timio-conference-prejoin .preview video';
const tileVideo = (who: string) => `timio-conference timio-video-tile[data-key="${who}:camera"] video`;
/** The segmentation's first frame can take a while on a busy 2-core machine (wasm, model, graph). */
const BLUR_MS = WAIT_MS * 2;

describe('camera background in the demo portal: pre-join, joining, a page change', { timeout: 900_000 }, () => {
  let stack: Stack;
  let browser: Browser;
  let anna: Person;
  let ben: Person;
  /** The camera clip as received unprocessed (Ben's camera, no background, seen by Anna). */
  let plainReceived = 0;

  before(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium({ args: [`--use-file-for-fake-video-capture=${writePatternCamera()}`] })]);
    mkdirSync('artifacts', { recursive: true });
    [anna, ben] = await Promise.all([signIn(browser, stack.portal.url, 'anna', 'de'), signIn(browser, stack.portal.url, 'ben', 'en')]);
  });

  after(async () => {
    for (const p of [anna, ben]) await p?.close().catch(() => undefined);
    await browser?.close();
    await stack?.close();
  });

  /** Opens the room's pre-join from the room bar, its preview playing. */
  async function openPrejoin(p: Person): Promise<Locator> {
    await p.goto(`/chat/${ROOM}`);
    await p.page.locator('timio-room-bar [part="join"]').click();
    await framesAdvance(p.page, preview);
    return p.page.locator(preview).first();
  }

  /** "Ton und Hintergrund" opened, then a background chosen. */
  async function chooseInPrejoin(p: Person, background: string): Promise<void> {
    const radio = p.page.locator(`timio-conference-prejoin timio-media-effects input[data-background="${background}"]`);
    if (!(await radio.isVisible())) await p.page.locator('timio-conference-prejoin details.effects-more summary').click();
    await radio.check({ timeout: WAIT_MS });
  }

  async function joinFromPrejoin(p: Person): Promise<void> {
    await p.page.locator('timio-conference-prejoin').locator('button.join, button.join-member').first().click();
    await p.page.locator('timio-conference .conference[data-phase="in"]').first().waitFor({ timeout: WAIT_MS });
  }

  const blurred = (plain: number) => (pic: { sharpness: number }) => pic.sharpness <= plain / 2;

  it('the pre-join preview shows the blur before joining; after "Teilnehmen" the others receive it blurred', async () => {
    // Ben (English) tries the blur in his pre-join, looks, and joins without it.
    const benPreview = await openPrejoin(ben);
    const benPlain = await medianSharpness(benPreview);
    assert.ok(benPlain > 5, `the unprocessed pattern camera is sharp in the preview (${benPlain.toFixed(2)})`);
    await chooseInPrejoin(ben, 'blur');
    await waitForPicture(benPreview, blurred(benPlain), BLUR_MS, `Ben's preview blurred (unprocessed ${benPlain.toFixed(2)})`);
    await ben.page.screenshot({ path: 'artifacts/backgrounds-prejoin-blur-en.png' });
    await chooseInPrejoin(ben, 'none');
    await waitForPicture(benPreview, (pic) => pic.sharpness >= benPlain * 0.7, WAIT_MS, `Ben's preview sharp again (unprocessed ${benPlain.toFixed(2)})`);
    await joinFromPrejoin(ben);

    // Anna (German) chooses the blur in her pre-join: the preview shows it, held.
    const annaPreview = await openPrejoin(anna);
    const annaPlain = await medianSharpness(annaPreview);
    await chooseInPrejoin(anna, 'blur');
    await waitForPicture(annaPreview, blurred(annaPlain), BLUR_MS, `Anna's preview blurred (unprocessed ${annaPlain.toFixed(2)})`);
    const previewHeld = await medianSharpness(annaPreview, 9);
    assert.ok(previewHeld <= annaPlain / 2, `the preview stays blurred: ${previewHeld.toFixed(2)} vs unprocessed ${annaPlain.toFixed(2)}`);
    await anna.page.screenshot({ path: 'artifacts/backgrounds-prejoin-blur-de.png' });
    await joinFromPrejoin(anna);

    // Anna receives Ben's camera unprocessed: the reference. Ben receives hers blurred.
    await framesAdvance(anna.page, tileVideo('ben'), { advance: 10 });
    plainReceived = await medianSharpness(anna.page.locator(tileVideo('ben')).first());
    assert.ok(plainReceived > 5, `the pattern camera received unprocessed is sharp (${plainReceived.toFixed(2)})`);
    await framesAdvance(ben.page, tileVideo('anna'), { advance: 10 });
    const seen = ben.page.locator(tileVideo('anna')).first();
    await waitForPicture(seen, blurred(plainReceived), BLUR_MS, `Ben receives Anna blurred (unprocessed ${plainReceived.toFixed(2)})`);
    const held = await medianSharpness(seen, 9);
    assert.ok(held <= plainReceived / 2, `what Ben receives stays blurred: ${held.toFixed(2)} vs unprocessed ${plainReceived.toFixed(2)}`);
    console.log(`pre-join: preview unprocessed ${annaPlain.toFixed(2)}, blurred ${previewHeld.toFixed(2)}; received unprocessed ${plainReceived.toFixed(2)}, blurred ${held.toFixed(2)}`);

    for (const p of [anna, ben]) await p.page.evaluate(() => document.querySelector('timio-conference')?.leave());
  });

  it('Anna, with the blur on, changes page during a 1:1 call: the resumed call sends blurred frames again', async () => {
    assert.ok(plainReceived > 0, 'runs after the pre-join test (its unprocessed reference)');
    await anna.goto('/');
    await ben.goto('/');
    const call = anna.page.locator('tr[data-contact="ben"] timio-call-button button').first();
    await waitUntil(async () => (await call.getAttribute('aria-disabled')) === 'false', 'Ben online on Anna\'s page');
    await call.click();
    await ben.page.locator('timio-notifications .popup.incoming button.accept').click({ timeout: WAIT_MS });
    await Promise.all([framesAdvance(anna.page, partnerVideo), framesAdvance(ben.page, partnerVideo)]);

    const seen = ben.page.locator(partnerVideo).first();
    await waitForPicture(seen, blurred(plainReceived), BLUR_MS, `the call starts blurred (unprocessed ${plainReceived.toFixed(2)})`);

    // The page change: the old page and its publication are gone; once Anna's window is back and Ben
    // paints new frames, what he sees comes from the next page's camera.
    await Promise.all([
      anna.page.waitForURL(`${stack.portal.url}/journal`, { timeout: WAIT_MS }),
      anna.page.locator('header nav a[href="/journal"]').click({ timeout: WAIT_MS }),
    ]);
    await anna.page.locator('timio-call').waitFor({ timeout: WAIT_MS });
    await framesAdvance(anna.page, partnerVideo);
    await framesAdvance(ben.page, partnerVideo, { advance: 10 });
    assert.equal(await anna.page.evaluate(() => JSON.parse(localStorage.getItem('timio.media-settings') ?? '{}').background), 'blur');
    await waitForPicture(seen, blurred(plainReceived), BLUR_MS, `blurred again after the page change (unprocessed ${plainReceived.toFixed(2)})`);
    const held = await medianSharpness(seen, 9);
    assert.ok(held <= plainReceived / 2, `the resumed call stays blurred: ${held.toFixed(2)} vs unprocessed ${plainReceived.toFixed(2)}`);
    console.log(`page change: received after it ${held.toFixed(2)} (unprocessed ${plainReceived.toFixed(2)})`);
    await ben.page.screenshot({ path: 'artifacts/backgrounds-page-change-partner-en.png' });
  });
});
