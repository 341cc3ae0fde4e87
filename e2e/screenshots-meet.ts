// Screenshots of a room meeting as the people of room Vertrieb meet it (issue 24), German and
// English, against the real token service, dev media server and demo portal: Anna and Carla at
// 1280×800 on the room's page, Ben on a phone (390×844) on the same page. The room bar before,
// the "call all members" confirmation, Anna joining from the invitation (the moderator question
// inside the conference, a join notice beside it, her tiles after "Ich bin Moderator"), the room
// bar while she is in it, Ben's conference on the phone (pre-join and in it), Carla's shared screen
// as Anna and Ben see it, everyone's "läuft seit", and Anna's view after she ended the meeting.
// Written to artifacts/meet-*.png; the running times go to the console.
//
//   unshare -n sh -c 'ip link set lo up; exec npx tsx e2e/screenshots-meet.ts'
import { mkdir } from 'node:fs/promises';
import type { Person } from '../testing/cross-process/people.js';
import { framesAdvance } from '../testing/cross-process/video.js';
import { LONG, barIdle, control, inMeeting, meetingScene, noticesGone, putOffInvitation, ringAll, roomBar } from './support/room-meeting.js';

const shoot = (lang: 'de' | 'en') => meetingScene(lang, 'meet', ['anna', 'ben', 'carla'], async ({ people, shot, barShot }) => {
  const [anna, ben, carla] = people as [Person, Person, Person];
  await anna.page.setViewportSize({ width: 1280, height: 800 });
  await carla.page.setViewportSize({ width: 1280, height: 800 });
  await ben.page.setViewportSize({ width: 390, height: 844 });
  for (const p of [anna, ben, carla]) await p.goto('/chat/vertrieb');
  await barIdle(anna, lang);
  await barShot(anna, 'bar-idle');

  // Carla calls all members: the confirmation, then she is in.
  await ringAll(carla, () => shot(carla, 'ring-confirm'));

  // Anna takes the invitation: the conference on her room page, asking whether she moderates.
  const ring = anna.page.locator('timio-notifications .ring').first();
  await ring.waitFor({ timeout: LONG });
  await ring.locator('button.accept').click();
  await inMeeting(anna);
  await anna.page.locator('timio-conference .confirm-moderator').waitFor({ timeout: LONG });

  // Ben on his phone puts the invitation off and joins from the room bar.
  await putOffInvitation(ben);
  await shot(ben, 'phone-bar-running');
  await roomBar(ben).locator('[part="join"]').click();
  await ben.page.locator('timio-conference timio-conference-prejoin button').first().waitFor({ timeout: LONG });
  await shot(ben, 'phone-prejoin');
  await ben.page.locator('timio-conference timio-conference-prejoin button.join, timio-conference timio-conference-prejoin button.join-member').first().click();
  // Anna sees "Ben … ist beigetreten" beside the moderator question.
  await anna.page.locator('timio-conference .notices .notice').first().waitFor({ timeout: LONG });
  await shot(anna, 'notice-moderator-banner');
  await inMeeting(ben);
  await framesAdvance(ben.page, 'timio-conference timio-video-tile[data-key="anna:camera"] video', { timeoutMs: LONG });
  await shot(ben, 'phone-in');

  await anna.page.locator('timio-conference .confirm-moderator').click();
  await anna.page.locator('timio-conference timio-control-bar .end').first().waitFor({ timeout: LONG });
  for (const who of ['anna', 'ben', 'carla']) await framesAdvance(anna.page, `timio-conference timio-video-tile[data-key="${who}:camera"] video`, { timeoutMs: LONG });
  await noticesGone(anna.page);
  await shot(anna, 'moderator-tiles');
  await barShot(anna, 'bar-in');

  for (const p of [anna, ben, carla]) console.log(`${lang} ${p.id}: ${await p.page.locator('timio-conference .running').first().textContent()}`);

  // Carla shares her screen: Anna and Ben see it large, labelled.
  await control(carla.page, 'screen');
  await anna.page.locator('timio-conference timio-video-tile[data-key="carla:screen"]').waitFor({ timeout: LONG });
  await framesAdvance(anna.page, 'timio-conference timio-video-tile[data-key="carla:screen"] video', { timeoutMs: LONG });
  await shot(anna, 'screen-by-other');
  await framesAdvance(ben.page, 'timio-conference timio-video-tile[data-key="carla:screen"] video', { timeoutMs: LONG }).catch(() => undefined);
  await shot(ben, 'phone-screen-by-other');

  // Anna ends it for everyone.
  await control(anna.page, 'end');
  await anna.page.locator('timio-conference .end-dialog button.confirm-end').click();
  await anna.page.locator('timio-conference [part="ended"]').waitFor({ timeout: LONG });
  await shot(anna, 'ended-self');
  await ben.page.locator('timio-conference [part="ended"]').waitFor({ timeout: LONG });
  await shot(ben, 'phone-ended');
});

await mkdir('artifacts', { recursive: true });
for (const lang of (process.env.LANGS ?? 'de,en').split(',') as Array<'de' | 'en'>) await shoot(lang);
