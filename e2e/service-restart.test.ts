// A token-service restart during a call and during a ring (issue 12, "Must show"): the service runs
// as its own process (the standalone server), is killed (SIGKILL, its memory gone; no Redis) and
// started again on the same port. The browsers reconnect their realtime sockets by themselves.
// A running call goes on (video on both sides, no end), both show busy to Carla, and Ben's hang-up
// ends it for both with one journal entry each; a ringing call ends for both (the caller reads that
// it failed, the callee's popup goes, "missed" in his journal) and presence is back to online.
// Real token-service process, dev media server, demo portal, Chromium with fake devices.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/service-restart.test.ts'
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { de } from '../sdk/src/i18n/de.js';
import { outgoingCallDe } from '../sdk/src/elements/notifications/i18n/de.js';
import { en } from '../sdk/src/i18n/en.js';
import { startRestartableStack } from './support/service-process.js';
import { castFor } from './support/cast.js';
import { callJournalOf, currentCallId, serviceUrlOf } from './support/service-api.js';
import type { Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';

const partnerVideo = 'timio-call video[data-track="partner-camera"]';
const incoming = 'timio-notifications .popup.incoming';
const outgoing = 'timio-notifications .popup.outgoing';
const button = (contact: string) => `tr[data-contact="${contact}"] timio-call-button button`;

/** This person's calls in the journal (the token service's history, which outlives its restart), newest first. */
const journal = async (p: Person) => callJournalOf(await serviceUrlOf(p.page), p.id);
/** The call that rings or runs for this person, as the token service knows it. */
const callId = async (p: Person) => currentCallId(await serviceUrlOf(p.page), p.id);

/** How Carla's (English) portal page shows this contact's call button: its label and whether it can be pressed. */
async function shownTo(carla: Person, contact: string): Promise<{ label: string | null; disabled: string | null }> {
  const b = carla.page.locator(button(contact));
  return { label: await b.getAttribute('aria-label'), disabled: await b.getAttribute('aria-disabled') };
}

async function waitShown(carla: Person, contact: string, name: string, status: 'busy' | 'online'): Promise<void> {
  const label = status === 'busy' ? en.callButton.busy(name) : en.callButton.start(name);
  await waitUntil(async () => {
    const s = await shownTo(carla, contact);
    return s.label === label && s.disabled === (status === 'busy' ? 'true' : 'false');
  }, `Carla sees ${name} ${status}`);
}

/** Every `call` frame state this page's SDK has shown since the last reset (the call window's life). */
async function windowWatch(p: Person): Promise<void> {
  await p.page.evaluate(() => {
    const w = window as unknown as { windowGone: boolean };
    w.windowGone = false;
    const timer = setInterval(() => {
      if (!document.querySelector('timio-call')) {
        w.windowGone = true;
        clearInterval(timer);
      }
    }, 40);
  });
}
const windowWentAway = (p: Person) => p.page.evaluate(() => (window as unknown as { windowGone: boolean }).windowGone);

describe('a token-service restart (its own process, killed and started again; no Redis)', { timeout: 900_000 }, () => {
  const cast = castFor(() => startRestartableStack({ CALL_RING_TIMEOUT_SECONDS: '120', PRESENCE_GRACE_SECONDS: '1' }));
  const { people, person } = cast;

  it('during a call: it goes on for both, both show busy to Carla, Ben hangs up and it ends for both with one journal entry each', async () => {
    const anna = await person('anna', 'de');
    const ben = await person('ben', 'en');
    const carla = await person('carla', 'en');
    await waitUntil(async () => (await anna.page.locator(button('ben')).getAttribute('aria-disabled')) === 'false', 'Ben online for Anna');
    await anna.page.locator(button('ben')).click();
    await ben.page.locator(incoming).waitFor({ timeout: WAIT_MS });
    await ben.page.locator(`${incoming} button.accept`).click();
    await Promise.all([framesAdvance(anna.page, partnerVideo), framesAdvance(ben.page, partnerVideo)]);
    const id = await callId(anna);
    await waitShown(carla, 'anna', 'Anna Schmidt', 'busy');
    for (const p of [anna, ben]) await windowWatch(p);

    await cast.stack.restartService();

    // Carla's page reconnected and watches again: both busy (the service rebuilt the call from LiveKit).
    await waitShown(carla, 'anna', 'Anna Schmidt', 'busy');
    await waitShown(carla, 'ben', 'Ben Müller', 'busy');
    // Anna's and Ben's sockets are back too: their own call state says "in a call" on every button.
    for (const p of [anna, ben]) {
      const label = p.id === 'anna' ? de.callButton.inCall : en.callButton.inCall;
      await waitUntil(async () => (await p.page.locator(button('carla')).getAttribute('aria-label')) === label, `${p.id}'s buttons say "in a call"`);
    }
    // The call went on: video plays on both sides, no window closed on the way.
    await Promise.all([framesAdvance(anna.page, partnerVideo, { advance: 10 }), framesAdvance(ben.page, partnerVideo, { advance: 10 })]);
    for (const p of [anna, ben]) assert.equal(await windowWentAway(p), false, `${p.id}'s call window stayed`);
    await anna.page.screenshot({ path: 'artifacts/e2e-service-restart-call-de.png' });
    await ben.page.screenshot({ path: 'artifacts/e2e-service-restart-call-en.png' });

    // Anna's window becomes a "call ended" notice (--timio-call-notice-duration, 8 s) that this test does not read: a moment.
    await anna.page.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s'));
    await ben.page.locator('timio-call .controls .end').click();
    for (const p of [anna, ben]) {
      await p.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
      await waitUntil(async () => (await journal(p)).find((e) => e.id === id)?.outcome === 'completed', `${p.id}'s journal: completed`, WAIT_MS, 500);
      assert.equal((await journal(p)).filter((e) => e.id === id).length, 1, `${p.id}: one journal entry`);
    }
    await waitShown(carla, 'anna', 'Anna Schmidt', 'online');
    await waitShown(carla, 'ben', 'Ben Müller', 'online');
  });

  it('during a ring: it ends for both (Anna reads that it failed, Ben stops ringing, missed in his journal); presence is back to online; a new call works', async () => {
    const [anna, ben, carla] = [people[0]!, people[1]!, people[2]!];
    await waitUntil(async () => (await anna.page.locator(button('ben')).getAttribute('aria-disabled')) === 'false', 'Ben online for Anna');
    await anna.page.locator(button('ben')).click();
    await ben.page.locator(incoming).waitFor({ timeout: WAIT_MS });
    await anna.page.locator(`${outgoing}[data-phase="ringing"]`).waitFor({ timeout: WAIT_MS });
    const id = await callId(anna);

    await cast.stack.restartService();

    await ben.page.locator(incoming).waitFor({ state: 'detached', timeout: WAIT_MS });
    await anna.page.locator(outgoing).filter({ hasText: outgoingCallDe.failed }).waitFor({ timeout: WAIT_MS });
    await anna.page.screenshot({ path: 'artifacts/e2e-service-restart-ring-de.png' });
    await waitUntil(async () => (await journal(anna)).find((e) => e.id === id)?.outcome === 'failed', "Anna's journal: failed", WAIT_MS, 500);
    await waitUntil(async () => (await journal(ben)).find((e) => e.id === id)?.outcome === 'missed', "Ben's journal: missed", WAIT_MS, 500);
    for (const p of [anna, ben]) assert.equal((await journal(p)).filter((e) => e.id === id).length, 1, `${p.id}: one journal entry`);
    await waitShown(carla, 'anna', 'Anna Schmidt', 'online');
    await waitShown(carla, 'ben', 'Ben Müller', 'online');

    // Nobody is stuck: Anna calls Ben again, he is rung, she hangs up.
    await waitUntil(async () => (await anna.page.locator(button('ben')).getAttribute('aria-disabled')) === 'false', 'Anna can call Ben again');
    await anna.page.locator(button('ben')).click();
    await ben.page.locator(incoming).waitFor({ timeout: WAIT_MS });
    await anna.page.locator(`${outgoing} button.hangup`).click();
    await ben.page.locator(incoming).waitFor({ state: 'detached', timeout: WAIT_MS });
  });
});
