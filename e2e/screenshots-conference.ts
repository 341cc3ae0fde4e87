// Screenshots of room conferences as people of room Vertrieb see them in the demo portal, German
// and English, made against the real token service, dev media server and demo portal
// (testing/cross-process/stack.ts, a fresh stack per language), Chromium with fake cameras, one browser
// context per person: the room bar idle and running, the "call all members" confirmation, the
// invitation popup, the pre-join with the moderator confirmation (room bar "Teilnehmen"), the tile
// view with three people, the chat and participants panels, the speaker view with a shared
// screen, the end confirmation and the view after the moderator ended it. Written to artifacts/.
//
//   npm run build && unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-conference.ts'
import { mkdir } from 'node:fs/promises';
import type { Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { WAIT_MS } from '../testing/wait.js';
import { LONG, barIdle, control, inMeeting, meetingScene, noticesGone, putOffInvitation, ringAll, roomBar } from './support/room-meeting.js';

const shoot = (lang: 'de' | 'en') => meetingScene(lang, 'conference', ['carla', 'anna', 'ben'], async ({ people, shot, barShot }) => {
  const [carla, anna, ben] = people as [Person, Person, Person];
  await carla.goto('/chat/vertrieb');
  await anna.goto('/chat/vertrieb');
  // Ben stays on the portal's start page.
  await barIdle(carla, lang);
  await barShot(carla, 'bar-idle');

  // Carla: "Alle Mitglieder rufen", the confirmation, then straight into the panel.
  await ringAll(carla, () => shot(carla, 'confirm'));

  // Ben gets the invitation on the start page and joins from it (full window, no pre-join).
  const ring = ben.page.locator('timio-notifications .ring').first();
  await ring.waitFor({ timeout: LONG });
  await shot(ben, 'popup');
  await ring.locator('button.accept').click();
  await inMeeting(ben);

  // Anna, on the room page: the bar shows the running meeting; she puts the invitation off and
  // takes the room bar's "Teilnehmen": the pre-join, with the moderator confirmation.
  await putOffInvitation(anna);
  await barShot(anna, 'bar-running');
  await roomBar(anna).locator('[part="join"]').click();
  await anna.page.locator('timio-conference .join-moderator').waitFor({ timeout: LONG });
  await framesAdvance(anna.page, 'timio-conference-prejoin video', { timeoutMs: LONG });
  await shot(anna, 'prejoin-moderator');
  await anna.page.locator('timio-conference .join-moderator').click();
  await inMeeting(anna);
  for (const who of ['anna', 'ben', 'carla']) await framesAdvance(anna.page, `timio-conference timio-video-tile[data-key="${who}:camera"] video`, { timeoutMs: LONG });
  await anna.page.locator('timio-conference .present').filter({ hasText: '3' }).waitFor({ timeout: LONG });
  await noticesGone(anna.page);
  await shot(anna, 'tiles');

  // Ben writes in the chat, Carla raises her hand; Anna opens the chat and answers.
  await control(ben.page, 'chat');
  await ben.page.locator('timio-chat-panel textarea').fill(lang === 'de' ? 'Guten Morgen zusammen! Ich teile gleich die Zahlen.' : 'Good morning everyone! I will share the figures in a moment.');
  await ben.page.locator('timio-chat-panel textarea').press('Enter');
  await control(carla.page, 'hand');
  await anna.page.locator('timio-conference timio-video-tile[data-key="carla:camera"] [data-badge="hand"]').waitFor({ timeout: LONG });
  await control(anna.page, 'chat');
  await anna.page.locator('timio-chat-panel .message[data-from="ben"]').waitFor({ timeout: LONG });
  await anna.page.locator('timio-chat-panel textarea').fill(lang === 'de' ? 'Danke, Ben!' : 'Thanks, Ben!');
  await anna.page.locator('timio-chat-panel textarea').press('Enter');
  await anna.page.locator('timio-chat-panel .message.mine').waitFor({ timeout: LONG });
  await noticesGone(anna.page);
  await shot(anna, 'chat');
  await control(anna.page, 'participants');
  await anna.page.locator('timio-participants-panel .person[data-identity="carla"] [data-state="hand"]').waitFor({ timeout: LONG });
  await shot(anna, 'participants');
  await anna.page.locator('timio-participants-panel .icon-button.close').click();

  // Ben shares his screen; Anna switches to the speaker view.
  await control(ben.page, 'screen');
  await anna.page.locator('timio-conference timio-video-tile[data-key="ben:screen"]').waitFor({ timeout: LONG });
  await control(anna.page, 'layout');
  await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="ben:screen"] video', { timeoutMs: LONG });
  await noticesGone(anna.page);
  await shot(anna, 'speaker-screen');

  // Anna (moderator) ends it for everyone; Ben's view says so.
  await control(anna.page, 'end');
  await anna.page.locator('timio-conference .end-dialog').waitFor({ timeout: WAIT_MS });
  await shot(anna, 'end-confirm');
  await anna.page.locator('timio-conference .end-dialog button.confirm-end').click();
  await ben.page.locator('timio-conference [part="ended"][data-reason="ended"]').waitFor({ timeout: LONG });
  await shot(ben, 'ended');
  // Carla's panel on the room page: the ended view in the page, the room bar shows no meeting.
  await carla.page.locator('timio-conference [part="ended"][data-reason="ended"]').waitFor({ timeout: LONG });
  await roomBar(carla).locator('[part="people"]').waitFor({ state: 'detached', timeout: LONG });
  await shot(carla, 'ended-panel');
});

await mkdir('artifacts', { recursive: true });
for (const lang of ['de', 'en'] as const) await shoot(lang);
