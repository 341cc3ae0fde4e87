// The call survives page changes in the demo portal (issue 12): during a call Anna goes Portal →
// Journal → Chat → Portal through the portal's navigation links, clicked with the mouse beside the
// docked call window she moved and resized; the call goes on (Ben never sees "left", video plays
// again on both sides after each change; the window comes back as it was, at the same place and size);
// one journal entry per side with the whole duration; Anna's second tab does not take the call.
// Calls started from the Journal and from a chat room page. A ringing call follows its caller to
// her next page or ends after the rejoin grace (the callee's window gives up and says so); the
// next page reports the end that the page which had the call missed.
// Real token service, dev media server, Chromium with fake devices, the SDK from its script tag.
// Run alone: unshare -n sh -c 'ip link set lo up; exec node --import tsx --test e2e/page-survival.test.ts'
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { WAIT_MS, waitUntil } from '../testing/wait.js';
import { de } from '../sdk/src/i18n/de.js';
import { outgoingCallEn } from '../sdk/src/elements/notifications/i18n/en.js';
import { callWindowDe } from '../sdk/src/views/i18n/call-window.js';
import { startStack, type Stack } from '../testing/cross-process/stack.js';
import { castFor } from './support/cast.js';
import { callJournalOf, currentCallId, serviceUrlOf } from './support/service-api.js';
import type { Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';

const partnerVideo = 'timio-call video[data-track="partner-camera"]';

/**
 * The "Gespräch beendet" notice a window becomes when the partner hangs up stays 8 s
 * (--timio-call-notice-duration); where a test does not read it, it is gone in a moment.
 */
const briefEndNotice = (page: Page) => page.evaluate(() => document.querySelector<HTMLElement>('timio-call')?.style.setProperty('--timio-call-notice-duration', '0.2s'));

/** `caller` calls `callee` from whatever page she is on (`from`: the button to press); both see each other. */
async function connect(caller: Person, callee: Person, from: string): Promise<number> {
  const pressed = caller.page.locator(from).first();
  await pressed.waitFor({ timeout: WAIT_MS });
  await waitUntil(async () => (await pressed.getAttribute('aria-disabled')) === 'false', `${from} enabled (the contact online)`);
  await pressed.click();
  await callee.page.locator(incoming).waitFor({ timeout: WAIT_MS });
  await callee.page.locator(`${incoming} button.accept`).click();
  const answeredAt = Date.now();
  await Promise.all([framesAdvance(caller.page, partnerVideo), framesAdvance(callee.page, partnerVideo)]);
  return answeredAt;
}
const incoming = 'timio-notifications .popup.incoming';
const outgoing = 'timio-notifications .popup.outgoing';
const button = (contact: string) => `tr[data-contact="${contact}"] timio-call-button button`;

interface JournalEntry { id: string; outcome?: string; durationSeconds?: number; direction: string }

/** This person's calls in the journal (the token service's history, what the journal page lists), newest first; `id` the call's. */
async function journal(p: Person): Promise<JournalEntry[]> {
  return callJournalOf(await serviceUrlOf(p.page), p.id);
}

/** Counts the host events of every page of this person (kept in localStorage across page loads). */
async function countHostEvents(p: Person): Promise<void> {
  await p.context.addInitScript(() => {
    for (const type of ['timio-call-started', 'timio-call-answered', 'timio-call-resumed', 'timio-call-ended', 'timio-call-missed']) {
      document.addEventListener(type, (e) => {
        const list = JSON.parse(localStorage.getItem('test-host-events') ?? '[]') as string[];
        list.push(`${type.slice('timio-call-'.length)}:${(e as CustomEvent<{ id: string }>).detail.id}`);
        localStorage.setItem('test-host-events', JSON.stringify(list));
      });
    }
  });
}

function hostEvents(p: Person, callId: string): Promise<string[]> {
  return p.page.evaluate((id) => (JSON.parse(localStorage.getItem('test-host-events') ?? '[]') as string[]).filter((e) => e.endsWith(`:${id}`)).map((e) => e.split(':')[0]!), callId);
}

/** Every state the call window's overlay shows on this page, in order ("none": nothing over the video). */
async function watchOverlay(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { overlayStates: string[] };
    w.overlayStates = [];
    setInterval(() => {
      const el = document.querySelector('timio-call');
      const state = el ? el.shadowRoot?.querySelector('timio-status-overlay')?.getAttribute('state') || 'none' : 'no-window';
      if (w.overlayStates.at(-1) !== state) w.overlayStates.push(state);
    }, 40);
  });
}

const overlayStates = (page: Page) => page.evaluate(() => (window as unknown as { overlayStates: string[] }).overlayStates);

/**
 * Follows one of the portal's navigation links with the real mouse, as a person does: Playwright's
 * click fails if anything (the call window) covers the link.
 */
async function navigate(p: Person, portalUrl: string, href: string): Promise<void> {
  const link = p.page.locator(`header nav a[href="${href}"]`);
  await Promise.all([
    p.page.waitForURL(`${portalUrl}${href}`, { timeout: WAIT_MS }),
    link.click({ timeout: WAIT_MS }),
  ]);
  await p.page.waitForFunction(() => !!customElements.get('timio-call-button'), undefined, { timeout: WAIT_MS });
}

type Box = { x: number; y: number; width: number; height: number };

/** The call window's box on the page (the docked window's position and size). */
async function windowBox(page: Page): Promise<Box> {
  const box = await page.locator('timio-call').boundingBox();
  assert.ok(box, 'the call window is shown');
  return box;
}

/** Presses the mouse on `handle` and moves it by (dx, dy) in steps, as a person drags. */
async function mouseDrag(page: Page, handle: string, dx: number, dy: number): Promise<void> {
  const box = await page.locator(handle).boundingBox();
  assert.ok(box, `${handle} is shown`);
  const x = box.x + Math.min(box.width / 2, 30);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

function assertSameBox(actual: Box, expected: Box, what: string): void {
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    assert.ok(Math.abs(actual[k] - expected[k]) <= 2, `${what}: ${k} ${actual[k]} (was ${expected[k]})`);
  }
}

/** The call that rings or runs for this person, as the token service knows it. */
const callId = async (p: Person): Promise<string> => currentCallId(await serviceUrlOf(p.page), p.id);

describe('the call survives page changes (rejoin grace 20 s)', { timeout: 900_000 }, () => {
  const cast = castFor(() => startStack({ CALL_RING_TIMEOUT_SECONDS: '60', PRESENCE_GRACE_SECONDS: '1' }));
  const { people, person } = cast;
  let stack: Stack;
  before(() => { stack = cast.stack; }); // after the cast's own, which starts it

  /** After Anna's page change: her window is back and video plays again, at her end, then at Ben's. */
  async function backAgain(anna: Person, ben: Person): Promise<void> {
    await anna.page.locator('timio-call').waitFor({ timeout: WAIT_MS });
    await framesAdvance(anna.page, partnerVideo);
    await framesAdvance(ben.page, partnerVideo, { advance: 10 });
  }

  it('Anna goes Portal → Journal → Chat → Portal during a call: it goes on, as it was; one journal entry each with the whole duration; her second tab does not take it', async () => {
    const anna = await person('anna', 'de');
    const ben = await person('ben', 'en');
    const carla = await person('carla', 'de'); // online, so Anna's second tab shows its call buttons
    await countHostEvents(anna);
    await countHostEvents(ben);
    await anna.goto('/');
    await ben.goto('/');
    const answeredAt = await connect(anna, ben, button('ben'));
    const id = await callId(anna);
    await watchOverlay(ben.page);
    await ben.page.evaluate(() => (document.querySelector('timio-call') as HTMLElement).dataset.sameWindow = 'yes');

    // Anna's second tab (opened during the call) shows that she is in a call, and never takes it.
    const second = await anna.context.newPage();
    await second.goto(`${stack.portal.url}/`);
    await second.locator(button('carla')).waitFor({ timeout: WAIT_MS });
    await waitUntil(async () => (await second.locator(button('carla')).getAttribute('aria-label')) === de.callButton.inCall, 'the second tab shows "in a call"');
    assert.equal(await second.locator(button('carla')).getAttribute('aria-disabled'), 'true');

    // The window as Anna leaves it: microphone off, own video in the top right corner, sharing her screen.
    await anna.page.locator('timio-call .controls .mic').click();
    await ben.page.locator('timio-call [data-state="partner-mic-muted"]').waitFor({ timeout: WAIT_MS });
    await anna.page.locator('timio-call .self').focus();
    await anna.page.keyboard.press('ArrowUp');
    await anna.page.locator('timio-call .self.top-right').waitFor({ timeout: WAIT_MS });
    await anna.page.locator('timio-call .controls .screen').click();
    await ben.page.locator('timio-call [data-state="partner-sharing"]').waitFor({ timeout: WAIT_MS });
    // The demo docks the window beside the page; Anna moves it by its title bar and makes it bigger
    // by its corner with the mouse.
    assert.equal(await anna.page.locator('timio-call').getAttribute('mode'), 'docked');
    const docked = await windowBox(anna.page);
    await mouseDrag(anna.page, 'timio-call header .name', -240, -180);
    await waitUntil(async () => (await windowBox(anna.page)).x < docked.x - 200, 'the window followed the mouse');
    await mouseDrag(anna.page, 'timio-call [part="resize-handle"]', 80, 60);
    await waitUntil(async () => (await windowBox(anna.page)).width > docked.width + 60, 'the window grew with the mouse');
    const arranged = await windowBox(anna.page);
    assertSameBox(arranged, { x: docked.x - 240, y: docked.y - 180, width: docked.width + 80, height: docked.height + 60 }, 'moved and resized');

    await navigate(anna, stack.portal.url, '/journal');
    await backAgain(anna, ben);
    // As it was: microphone still off (Ben still sees it), the own video where she put it; the
    // screen share ended with the page, and the window says so.
    assert.equal(await anna.page.locator('timio-call .controls .mic').getAttribute('aria-pressed'), 'true');
    await anna.page.locator('timio-call .self.top-right').waitFor({ timeout: WAIT_MS });
    await anna.page.locator('timio-call .page-notice[data-notice="screen-share-ended"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await anna.page.locator('timio-call').getAttribute('mode'), 'docked');
    assertSameBox(await windowBox(anna.page), arranged, 'the window after the page change');
    assert.equal(await anna.page.locator('timio-call .page-notice').innerText().then((t) => t.includes(callWindowDe.screenShareEndedByPage)), true);
    await ben.page.locator('timio-call [data-state="partner-sharing"]').waitFor({ state: 'detached', timeout: WAIT_MS });
    assert.equal(await ben.page.locator('timio-call [data-state="partner-mic-muted"]').count(), 1);
    await anna.page.screenshot({ path: 'artifacts/e2e-page-change-journal-de.png' });
    await ben.page.screenshot({ path: 'artifacts/e2e-page-change-docked-portal-en.png' });

    await navigate(anna, stack.portal.url, '/chat');
    await backAgain(anna, ben);
    assertSameBox(await windowBox(anna.page), arranged, 'the window on the chat page');
    await navigate(anna, stack.portal.url, '/');
    await backAgain(anna, ben);
    assertSameBox(await windowBox(anna.page), arranged, 'the window back on the portal page');

    // Ben's window stayed the same all along and never said that Anna left.
    assert.equal(await ben.page.locator('timio-call[data-same-window="yes"]').count(), 1);
    const seen = await overlayStates(ben.page);
    assert.ok(!seen.includes('partner-left') && !seen.includes('no-window'), `Ben's window showed: ${seen.join(' → ')}`);
    // The second tab never opened a window and still shows the call as held elsewhere.
    assert.equal(await second.locator('timio-call').count(), 0);
    assert.equal(await second.locator(button('carla')).getAttribute('aria-label'), de.callButton.inCall);

    await second.close();

    // Ben hangs up: one journal entry on each side, answered, with the whole duration.
    // Measured at the hang-up: Anna's window then stays a few seconds as the "Gespräch beendet" notice.
    const wholeSeconds = (Date.now() - answeredAt) / 1000;
    await ben.page.locator('timio-call .controls .end').click();
    await anna.page.locator('timio-call[ended] [part="notice"]').waitFor({ timeout: WAIT_MS });
    await briefEndNotice(anna.page); // shown, as said; not waited out
    await anna.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    for (const p of [anna, ben]) {
      await waitUntil(async () => (await journal(p)).find((e) => e.id === id)?.outcome === 'completed', `${p.id}'s journal has the ended call`, WAIT_MS, 500);
      const entries = (await journal(p)).filter((e) => e.id === id);
      assert.equal(entries.length, 1);
      assert.ok(entries[0]!.durationSeconds! >= wholeSeconds - 3, `${p.id}: ${entries[0]!.durationSeconds} s for a call of ${wholeSeconds.toFixed(1)} s`);
    }
    assert.deepEqual(await hostEvents(anna, id), ['started', 'answered', 'resumed', 'resumed', 'resumed', 'ended']);
    assert.deepEqual(await hostEvents(ben, id), ['started', 'answered', 'ended']);
    await navigate(anna, stack.portal.url, '/journal');
    await anna.page.locator(`#journal tbody tr[data-entry="call-${id}"][data-outcome="completed"]`).waitFor({ timeout: WAIT_MS });
    assert.equal(await anna.page.locator('#journal tbody tr').count(), 1);
    await carla.close();
  });

  it('a call started from the Journal, and one from a chat room page, go on across page changes', async () => {
    const [anna, ben] = [people[0]!, people[1]!];
    // From the journal's row of the last call (Ben's call button there).
    await anna.page.locator(`#journal tbody tr timio-call-button[contact="ben"] button`).waitFor({ timeout: WAIT_MS });
    await connect(anna, ben, `#journal tbody tr timio-call-button[contact="ben"] button`);
    await watchOverlay(ben.page);
    await navigate(anna, stack.portal.url, '/');
    await backAgain(anna, ben);
    await briefEndNotice(ben.page);
    await anna.page.locator('timio-call .controls .end').click();
    await ben.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    assert.ok(!(await overlayStates(ben.page)).includes('partner-left'));

    // From a chat room page: the member list has Ben's call button.
    await anna.goto('/chat/vertrieb');
    const inRoom = 'aside.members timio-call-button[contact="ben"] button';
    await anna.page.locator(inRoom).waitFor({ timeout: WAIT_MS });
    await waitUntil(async () => (await anna.page.locator(inRoom).getAttribute('aria-disabled')) === 'false', 'Ben shows online in the room');
    await connect(anna, ben, inRoom);
    await watchOverlay(ben.page);
    await navigate(anna, stack.portal.url, '/journal');
    await backAgain(anna, ben);
    await briefEndNotice(anna.page);
    await ben.page.locator('timio-call .controls .end').click();
    await anna.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    assert.ok(!(await overlayStates(ben.page)).includes('partner-left'));
    const outcomes = (await journal(anna)).map((e) => e.outcome);
    assert.deepEqual(outcomes, ['completed', 'completed', 'completed']);
  });
});

describe('a caller who leaves while it rings; ends a page missed (rejoin grace 4 s)', { timeout: 900_000 }, () => {
  const { people, person } = castFor(() => startStack({ CALL_RING_TIMEOUT_SECONDS: '60', PRESENCE_GRACE_SECONDS: '1', CALL_REJOIN_GRACE_SECONDS: '4' }));

  it('the ringing call follows Anna to her next page, where she hangs up', async () => {
    const anna = await person('anna', 'de');
    const ben = await person('ben', 'en');
    await anna.page.locator(button('ben')).click();
    await ben.page.locator(incoming).waitFor({ timeout: WAIT_MS });
    await anna.page.reload();
    await anna.page.locator(`${outgoing}[data-phase="ringing"]`).waitFor({ timeout: WAIT_MS });
    assert.match(await anna.page.locator(outgoing).innerText(), /Es klingelt bei Ben Müller/);
    await anna.page.locator(`${outgoing} button.hangup`).click();
    await ben.page.locator(incoming).waitFor({ state: 'detached', timeout: WAIT_MS });
    await waitUntil(async () => (await journal(anna))[0]?.outcome === 'cancelled', "Anna's journal: cancelled", WAIT_MS, 500);
    await waitUntil(async () => (await journal(ben))[0]?.outcome === 'missed', "Ben's journal: missed", WAIT_MS, 500);
  });

  it('Anna leaves the portal while it rings; Ben answers: his window waits, then gives up after the grace and says so; the journals say it never connected', async () => {
    const [anna, ben] = [people[0]!, people[1]!];
    await anna.page.locator(button('ben')).click();
    await ben.page.locator(incoming).waitFor({ timeout: WAIT_MS });
    const id = await callId(anna);
    await anna.page.goto('about:blank');
    await ben.page.locator(`${incoming} button.accept`).click();
    await ben.page.locator('timio-call').waitFor({ state: 'attached', timeout: WAIT_MS });
    await ben.page.locator('timio-call').waitFor({ state: 'detached', timeout: WAIT_MS });
    await ben.page.locator('timio-notifications .popup.error').filter({ hasText: outgoingCallEn.partnerNeverJoined('Anna Schmidt') }).waitFor({ timeout: WAIT_MS });
    await ben.page.screenshot({ path: 'artifacts/e2e-partner-never-joined-en.png' });
    const benEntry = (await journal(ben)).find((e) => e.id === id)!;
    assert.equal(benEntry.outcome, 'cancelled');
    assert.equal(benEntry.durationSeconds, 0);

    // Anna's next portal page (the same tab) sends the end her page never saw: no "Klingelt …" left.
    await anna.goto('/journal');
    await anna.page.locator(`#journal tbody tr[data-entry="call-${id}"][data-outcome="cancelled"]`).waitFor({ timeout: WAIT_MS });
    assert.equal(await anna.page.locator('timio-call').count(), 0, 'no window for an ended call');
  });

  it('a call that ended while the page that had it was away: the next page gets timio-call-ended (and missed)', async () => {
    const [anna, ben] = [people[0]!, people[1]!];
    // The host events of their next pages (the init script applies from the next page load on).
    await countHostEvents(anna);
    await countHostEvents(ben);
    await anna.goto('/');
    await ben.goto('/');
    // Ben's page rings and he leaves the portal; Anna hangs up meanwhile.
    await anna.page.locator(button('ben')).click();
    await ben.page.locator(incoming).waitFor({ timeout: WAIT_MS });
    const id = await callId(anna);
    assert.equal(await callId(ben), id, 'it rings for Ben');
    await ben.page.goto('about:blank');
    await anna.page.locator(`${outgoing} button.hangup`).click();
    await ben.goto('/journal');
    await waitUntil(async () => (await hostEvents(ben, id)).includes('missed'), "Ben's next page reports the missed call");
    await ben.page.locator(`#journal tbody tr[data-entry="call-${id}"][data-outcome="missed"]`).waitFor({ timeout: WAIT_MS });

    // A running call: Anna's page goes away, Ben hangs up while she is away; her next page says how it ended.
    await ben.goto('/');
    await connect(ben, anna, button('anna'));
    const running = await callId(ben);
    assert.equal(await callId(anna), running, 'Anna is in it');
    await anna.page.goto('about:blank');
    await ben.page.locator('timio-call .controls .end').click();
    await anna.goto('/journal');
    await waitUntil(async () => (await hostEvents(anna, running)).includes('ended'), "Anna's next page reports the end");
    await anna.page.locator(`#journal tbody tr[data-entry="call-${running}"][data-outcome="completed"]`).waitFor({ timeout: WAIT_MS });
    assert.match(await anna.page.locator(`#journal tbody tr[data-entry="call-${running}"] td.duration`).innerText(), /^\d+:\d\d$/);
  });
});
