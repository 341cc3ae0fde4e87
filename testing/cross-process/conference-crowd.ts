// A conference page among synthetic participants, shared by bench/conference and
// e2e/conference-crowd.test.ts: fill a room with synthetic cameras, bring one signed-in person
// into it through the room bar, read which camera tiles the page shows, and compare that with what
// the dev media server forwards to the page (its forwarding report).
import type { Page } from 'playwright-core';
import type { MediaServer } from '../../dev-media-server/src/server.js';
import { forwardedVideoFrom, readForwarding, type ForwardingReport } from '../node/forwarding.js';
import type { SyntheticCrowd } from '../node/synthetic-participants.js';
import type { Person } from './people.js';

export const syntheticIds = (count: number): string[] => Array.from({ length: count }, (_, i) => `synthetic-${String(i + 1).padStart(2, '0')}`);

/**
 * Joins `count` synthetic participants (a few at a time: each join negotiates a peer connection)
 * and waits until each has sent `frames` frames, i.e. its media is up.
 */
export async function fillRoom(
  crowd: SyntheticCrowd,
  room: string,
  count: number,
  timeoutMs: number,
  { frames = 10, name = (id: string, _i: number) => `Synthetic ${id.slice(-2)}` } = {},
): Promise<string[]> {
  const ids = syntheticIds(count);
  for (let i = 0; i < count; i += 4) await Promise.all(ids.slice(i, i + 4).map((id, j) => crowd.join(room, id, { name: name(id, i + j) })));
  const deadline = Date.now() + timeoutMs;
  while (crowd.participants.some((p) => p.framesSent < frames)) {
    if (Date.now() > deadline) throw new Error(`synthetic participants without media: ${crowd.participants.filter((p) => p.framesSent < frames).map((p) => p.identity).join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return ids;
}

/** The person opens the room's chat page and joins its conference, receiving only (camera and microphone off). */
export async function joinAsViewer(person: Person, room: string, timeoutMs: number): Promise<void> {
  await person.page.evaluate(() => localStorage.setItem('timio.media-choices', JSON.stringify({ camera: false, microphone: false })));
  await person.goto(`/chat/${room}`);
  await person.page.locator('timio-room-bar [part="join"]').click();
  await person.page.locator('timio-conference-prejoin button.join').first().click();
  await person.page.locator('timio-conference .conference[data-phase="in"]').waitFor({ timeout: timeoutMs });
}

/** Identities of the camera tiles the stage shows now (the page's own excluded), sorted. */
export async function tilesOnScreen(page: Page, self: string): Promise<string[]> {
  const keys = await page.locator('timio-conference timio-conference-stage timio-video-tile').evaluateAll((els) => els.map((el) => el.getAttribute('data-key') ?? ''));
  return keys.filter((k) => k.endsWith(':camera')).map((k) => k.slice(0, -':camera'.length)).filter((id) => id !== self).sort();
}

/** A control of the conference's toolbar, from the overflow menu when it did not fit. */
export async function control(page: Page, id: string): Promise<void> {
  const direct = page.locator(`timio-conference timio-control-bar .controls button.${id}`).first();
  if (await direct.isVisible()) return direct.click();
  await page.locator('timio-conference timio-control-bar button.overflow').first().click();
  await page.locator(`timio-conference timio-control-bar [part="overflow-menu"] .${id}`).first().click();
}

/** Number of people the participants panel lists (opens the panel, counts, closes it again). */
export async function listedInPanel(page: Page, expected: number, timeoutMs: number): Promise<number> {
  await control(page, 'participants');
  await page.waitForFunction((n) => {
    const panel = document.querySelector('timio-conference')?.shadowRoot?.querySelector('timio-participants-panel');
    return (panel?.shadowRoot?.querySelectorAll('li.person').length ?? 0) === n;
  }, expected, { timeout: timeoutMs }).catch(() => undefined);
  const listed = await page.locator('timio-participants-panel li.person').count();
  // closed from the toolbar: in a narrow panel its overflow menu opens above the panel
  await control(page, 'participants');
  return listed;
}

export interface ScreenAndServer {
  shown: string[];
  forwarded: string[];
  report: ForwardingReport;
}

/**
 * Waits until the video the server forwards to `self` is exactly the camera tiles on its screen;
 * on timeout the error names the tiles without video with the server's entries for them and, via
 * `explain`, whatever else the caller knows about their publishers.
 */
export async function forwardingMatchesScreen(
  media: MediaServer,
  room: string,
  page: Page,
  self: string,
  what: string,
  timeoutMs: number,
  explain: (identity: string) => unknown = () => undefined,
): Promise<ScreenAndServer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await tilesOnScreen(page, self);
    const report = await readForwarding(media, room, self);
    const forwarded = forwardedVideoFrom(report);
    if (shown.length > 0 && forwarded.join() === shown.join()) return { shown, forwarded, report };
    if (Date.now() > deadline) {
      const missing = report.tracks.filter((t) => t.kind === 'video' && shown.includes(t.publisherIdentity) && !t.forwarding);
      throw new Error(
        `timed out waiting for ${what}: on screen ${shown.join(', ')}; forwarded ${forwarded.join(', ')}; ` +
          `not flowing ${JSON.stringify(missing)}; publishers ${JSON.stringify(missing.map((t) => explain(t.publisherIdentity)))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Both ends of a synthetic participant's publisher connection (for failure messages). */
export function publisherState(media: MediaServer, crowd: SyntheticCrowd, room: string, identity: string): unknown {
  const synthetic = crowd.participants.find((p) => p.identity === identity);
  const server = media.rooms.getRoom(room)?.participants.get(identity)?.publisher?.pc;
  return {
    identity,
    synthetic: synthetic && { framesSent: synthetic.framesSent, packetsSent: synthetic.packetsSent, connection: synthetic.pc.connectionState },
    server: server && { connection: server.connectionState, ice: server.iceConnectionState, dtls: server.dtlsTransports.map((t) => t.state) },
  };
}
