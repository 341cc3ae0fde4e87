// The participants panel in Chromium, inside a joined <timio-conference>: everyone with mic,
// camera and hand state, moderators and guests marked, hands first by time; a moderator's mute,
// mute all, lower hand and remove go to the token service's routes. Axe.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { conferenceFixture, deep, deepAll, settled, text } from '../../../../../testing/browser/conference-fixture.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

async function withPeople(moderator: boolean) {
  const f = await conferenceFixture({ moderators: moderator ? ['anna'] : [] });
  uninstall = () => f.service.uninstall();
  void f.el.join({ prejoin: true });
  await waitUntil(() => deep(f.root, moderator ? '.join-moderator' : '.join'));
  deep<HTMLButtonElement>(f.root, moderator ? '.join-moderator' : '.join')!.click();
  await waitUntil(() => f.sessions.length === 1);
  const s = f.session();
  s.put({ identity: 'anna', name: 'Anna Schmidt', isLocal: true, moderator, microphone: { sid: 'm0', muted: false } });
  s.put({ identity: 'ben', name: 'Ben Müller', joinedAt: 1, microphone: { sid: 'm1', muted: false }, camera: { sid: 'c1', muted: false }, handRaisedAt: '2026-11-26T10:00:05.000Z' });
  s.put({ identity: 'carla', name: 'Carla Weiß', joinedAt: 2, microphone: { sid: 'm2', muted: true }, handRaisedAt: '2026-11-26T10:00:01.000Z' });
  s.put({ identity: 'guest-x', name: 'Gerda Gast', guest: true, joinedAt: 3, microphone: { sid: 'm3', muted: false } });
  s.connection.set({ phase: 'connected' });
  await settled(f.el);
  deep<HTMLButtonElement>(f.root, '.controls .participants')!.click();
  await settled(f.el);
  return { ...f, s };
}

describe('<timio-participants-panel> in the conference', () => {
  it('lists everyone with their state; raised hands first, by time; guests and moderators marked', async () => {
    const f = await withPeople(false);
    expect(text(f.root, '#people-title')).to.equal('Anwesende Teilnehmer (4)');
    const rows = deepAll(f.root, '.person');
    expect(rows.map((r) => r.getAttribute('data-identity'))).to.deep.equal(['carla', 'ben', 'anna', 'guest-x']);
    const carla = rows[0]!;
    expect(carla.querySelector('[data-state="hand"]')).to.not.equal(null);
    expect(carla.querySelector('[data-state="mic-off"]')?.textContent).to.contain('Mikrofon aus');
    expect(carla.querySelector('[data-state="camera-off"]')).to.not.equal(null);
    expect(rows[1]!.querySelector('[data-state="camera-on"]')).to.not.equal(null);
    expect(text(rows[3]!, '[data-badge="guest"]')).to.equal('Gast');
    expect(text(rows[2]!, '.name')).to.equal('Anna Schmidt (Sie)');
    // A plain member has no moderator actions.
    expect(deep(f.root, '.people .actions')).to.equal(null);
    expect(deep(f.root, '.mute-all')).to.equal(null);
    await expect(f.el).to.be.accessible();
  });

  it('a moderator mutes one, mutes everyone else, lowers a hand and removes after a confirmation, through the token service', async () => {
    const f = await withPeople(true);
    expect(text(deepAll(f.root, '.person')[2]!, '[data-badge="moderator"]')).to.equal('Moderation');
    const row = (id: string) => deep(f.root, `.person[data-identity="${id}"]`)!;
    (row('ben').querySelector('.mute') as HTMLButtonElement).click();
    await waitUntil(() => f.room.muted.length === 1, 'mute request');
    expect(f.room.muted[0]).to.deep.equal({ identity: 'ben', source: 'microphone' });
    expect(row('carla').querySelector('.mute')).to.equal(null, 'no mute for a muted microphone');
    deep<HTMLButtonElement>(f.root, '.mute-all')!.click();
    await waitUntil(() => f.room.mutedAll === 1, 'mute-all request');
    (row('carla').querySelector('.lower') as HTMLButtonElement).click();
    await waitUntil(() => f.room.hands.length === 1, 'hand request');
    expect(f.room.hands[0]).to.deep.equal({ raised: false, identity: 'carla' });
    (row('guest-x').querySelector('.remove') as HTMLButtonElement).click();
    await settled(f.el);
    expect(text(row('guest-x'), '.confirm > span')).to.equal('Gerda Gast aus der Konferenz entfernen?');
    await expect(f.el).to.be.accessible();
    (row('guest-x').querySelector('.confirm-remove') as HTMLButtonElement).click();
    await waitUntil(() => f.room.removed.length === 1, 'remove request');
    expect(f.room.removed).to.deep.equal(['guest-x']);
    const requests = f.service.requests.map((r) => `${r.method} ${r.path}`);
    expect(requests).to.include.members([
      'POST /v1/rooms/vertrieb/participants/ben/mute', 'POST /v1/rooms/vertrieb/mute-all', 'POST /v1/rooms/vertrieb/hand', 'DELETE /v1/rooms/vertrieb/participants/guest-x',
    ]);
  });

  it('"Person einladen" only for moderators: it opens the invite dialog with the room\'s name and open invites', async () => {
    const member = await withPeople(false);
    expect(deep(member.root, 'button.invite')).to.equal(null, 'members do not invite');
    member.service.uninstall();
    const f = await withPeople(true);
    f.service.on('GET /v1/rooms/vertrieb/invites', () => ({ status: 200, json: { invites: [] } }));
    const button = deep<HTMLButtonElement>(f.root, 'button.invite')!;
    expect(button.textContent).to.equal('Person einladen');
    button.click();
    // The dialog's chunk loads on the first press.
    const dialog = () => deep(f.root, 'timio-invite-dialog')!.shadowRoot!;
    await waitUntil(() => deep(f.root, 'timio-invite-dialog')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog')?.open, 'the dialog opens');
    // In the running meeting the dialog asks for a guest of this meeting first (no appointment).
    expect(dialog().querySelector<HTMLInputElement>('input[name="when"][value="now"]')!.checked).to.equal(true);
    dialog().querySelector<HTMLInputElement>('input[name="when"][value="later"]')!.click();
    await waitUntil(() => dialog().querySelector('input[name="title"]'), 'the appointment for a later meeting');
    expect(dialog().querySelector<HTMLInputElement>('input[name="title"]')!.value).to.equal('Vertrieb');
    await waitUntil(() => f.service.requests.some((r) => r.method === 'GET' && r.path === '/v1/rooms/vertrieb/invites'), 'open invites asked for');
    await expect(f.el).to.be.accessible();
  });

  it('a refused moderator action is a readable notice', async () => {
    const f = await withPeople(true);
    f.service.on('POST /v1/rooms/vertrieb/mute-all', () => ({ status: 403, json: { error: { code: 'forbidden', message: 'no' } } }));
    deep<HTMLButtonElement>(f.root, '.mute-all')!.click();
    await waitUntil(() => text(f.root, '.notices').includes('Die Aktion ist fehlgeschlagen.'), 'notice');
  });
});
