// The waiting room's notices in a joined <timio-conference> (Chromium): a moderator sees who waits
// ("… möchte teilnehmen", marked as guest) from the service's list and from realtime frames,
// lets one in and turns one away through the token service; a decision made by another moderator
// clears the notice; members see none. Axe.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { conferenceFixture, deep, deepAll, settled, text } from '../../../../../testing/browser/conference-fixture.js';
import type { GuestNotice } from './waiting-guests.js';

// When a guest started waiting: relative to now, never a fixed day.
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

async function joined(moderator: boolean, lang: 'de' | 'en' = 'de') {
  const f = await conferenceFixture({ moderators: moderator ? ['anna'] : [], lang });
  uninstall = () => f.service.uninstall();
  const decisions: string[] = [];
  f.service.on('GET /v1/rooms/vertrieb/waiting', () => ({ status: 200, json: { guests: [{ identity: 'guest:maria', name: 'Maria Gast', since: minutesAgo(2), inviteId: 'i1' }] } }));
  f.service.onMatch('POST', /\/v1\/rooms\/vertrieb\/waiting\/.+\/(admit|deny)$/, (_b, path) => {
    decisions.push(decodeURIComponent(path.split('/waiting/')[1]!));
    return { status: 200, json: {} };
  });
  // As the page's realtime client: every part of the conference may listen (the waiting room, the rung colleagues' answers).
  const listeners = new Set<(n: GuestNotice) => void>();
  f.el.guestNotices = (l) => {
    listeners.add(l);
    return () => void listeners.delete(l);
  };
  void f.el.join({ prejoin: true });
  await waitUntil(() => deep(f.root, moderator ? '.join-moderator' : '.join'));
  deep<HTMLButtonElement>(f.root, moderator ? '.join-moderator' : '.join')!.click();
  await waitUntil(() => f.sessions.length === 1);
  f.session().connection.set({ phase: 'connected' });
  await settled(f.el);
  return { ...f, decisions, send: (n: GuestNotice) => listeners.forEach((l) => l(n)), listening: () => listeners.size > 0 };
}

describe('waiting guests in the conference', () => {
  it('a moderator sees who waits, lets one in and turns another away', async () => {
    const f = await joined(true);
    await waitUntil(() => deep(f.root, '.admit-notice'), 'the waiting guest from the list');
    expect(text(f.root, '.admit-notice p')).to.contain('Maria Gast möchte teilnehmen');
    expect(text(f.root, '.admit-notice .tag')).to.equal('Gast');
    await waitUntil(() => f.listening(), 'follows the realtime frames');
    f.send({ type: 'guest-waiting', room: 'vertrieb', guest: { identity: 'guest:olaf', name: 'Olaf Ohne', since: minutesAgo(1) } });
    f.send({ type: 'guest-waiting', room: 'andere', guest: { identity: 'guest:x', name: 'Anderer Raum', since: minutesAgo(1) } });
    await settled(f.el);
    expect(deepAll(f.root, '.admit-notice').map((n) => n.getAttribute('data-identity'))).to.deep.equal(['guest:maria', 'guest:olaf']);
    await expect(f.el).to.be.accessible();
    deep<HTMLButtonElement>(f.root, '.admit-notice[data-identity="guest:maria"] .admit')!.click();
    await waitUntil(() => f.decisions.length === 1, 'admit request');
    expect(f.decisions[0]).to.equal('guest:maria/admit');
    deep<HTMLButtonElement>(f.root, '.admit-notice[data-identity="guest:olaf"] .deny')!.click();
    await waitUntil(() => f.decisions.length === 2, 'deny request');
    expect(f.decisions[1]).to.equal('guest:olaf/deny');
    await waitUntil(() => !deep(f.root, '.admit-notice'), 'both notices gone');
  });

  it('a decision by another moderator clears the notice; English', async () => {
    const f = await joined(true, 'en');
    await waitUntil(() => deep(f.root, '.admit-notice'));
    expect(text(f.root, '.admit-notice p')).to.contain('Maria Gast would like to join');
    expect(text(f.root, '.admit-notice .admit')).to.contain('Admit');
    f.send({ type: 'guest-decided', room: 'vertrieb', identity: 'guest:maria', decision: 'admitted', by: { id: 'ben', name: 'Ben' } });
    await waitUntil(() => !deep(f.root, '.admit-notice'), 'notice gone');
    expect(f.decisions).to.deep.equal([]);
  });

  for (const lang of ['de', 'en'] as const) {
    it(`a late "Einlassen" for a guest who stopped waiting: the notice goes and the moderator is told so (${lang})`, async () => {
      const f = await joined(true, lang);
      f.service.on('POST /v1/rooms/vertrieb/waiting/guest%3Amaria/admit', () => ({ status: 409, json: { error: { code: 'guest_left', message: 'that guest has left the waiting room' } } }));
      await waitUntil(() => deep(f.root, '.admit-notice'), 'the waiting guest');
      deep<HTMLButtonElement>(f.root, '.admit-notice .admit')!.click();
      const said = lang === 'de' ? 'Maria Gast hat das Warten beendet und ist nicht mehr da.' : 'Maria Gast stopped waiting and is no longer here.';
      await waitUntil(() => text(f.root, '.notices').includes(said), 'the notice that she left');
      expect(deep(f.root, '.admit-notice')).to.equal(null);
      expect(text(f.root, '.notices')).to.not.include(lang === 'de' ? 'fehlgeschlagen' : 'failed');
      await expect(f.el).to.be.accessible();
    });
  }

  it('a guest who stops waiting: the service\'s "left" clears the notice', async () => {
    const f = await joined(true);
    await waitUntil(() => deep(f.root, '.admit-notice'));
    await waitUntil(() => f.listening(), 'follows the realtime frames');
    f.send({ type: 'guest-decided', room: 'vertrieb', identity: 'guest:maria', decision: 'left' });
    await waitUntil(() => !deep(f.root, '.admit-notice'), 'notice gone');
    expect(f.decisions).to.deep.equal([]);
  });

  for (const [lang, warning] of [['de', 'Achtung: Dieser Name gleicht dem eines Mitglieds dieses Raums.'], ['en', 'Note: this name looks like the name of a member of this room.']] as const) {
    it(`a waiting guest whose name reads like a member's is marked Gast and the moderator is warned (${lang})`, async () => {
      const f = await joined(true, lang);
      await waitUntil(() => f.listening(), 'follows the realtime frames');
      f.send({ type: 'guest-waiting', room: 'vertrieb', guest: { identity: 'guest:anna', name: 'Anna Schmıdt', since: minutesAgo(1), resembles: true } });
      await waitUntil(() => deep(f.root, '.admit-notice[data-identity="guest:anna"]'), 'the notice');
      expect(text(f.root, '.admit-notice[data-identity="guest:anna"] .tag')).to.equal(lang === 'de' ? 'Gast' : 'Guest');
      expect(text(f.root, '.admit-notice[data-identity="guest:anna"] .resembles')).to.equal(warning);
      expect(deep(f.root, '.admit-notice[data-identity="guest:maria"] .resembles')).to.equal(null);
      await expect(f.el).to.be.accessible();
    });
  }

  it('members see no waiting guests', async () => {
    const f = await joined(false);
    await settled(f.el);
    expect(deep(f.root, '.admit-notice')).to.equal(null);
    // A guest-waiting frame (the service sends them to moderators only) shows nothing to a member either.
    f.send({ type: 'guest-waiting', room: 'vertrieb', guest: { identity: 'guest:olaf', name: 'Olaf Ohne', since: minutesAgo(1) } });
    await settled(f.el);
    expect(deep(f.root, '.admit-notice')).to.equal(null);
    expect(f.service.requests.some((r) => r.path === '/v1/rooms/vertrieb/waiting')).to.equal(false);
  });

  for (const lang of ['de', 'en'] as const) {
    it(`a guest let in at once whose name reads like a member's: the moderator gets a notice and the panel marks them (${lang}, issue 22)`, async () => {
      const f = await joined(true, lang);
      await waitUntil(() => f.listening(), 'follows the realtime frames');
      f.session().put({ identity: 'guest:thomas', name: 'Anna Schmıdt', guest: true, joinedAt: Date.now(), microphone: { sid: 'mt', muted: false } });
      f.send({ type: 'guest-resembles', room: 'vertrieb', guest: { identity: 'guest:thomas', name: 'Anna Schmıdt' } });
      const said = lang === 'de'
        ? 'Achtung: Der Name des Gastes „Anna Schmıdt“ gleicht dem eines Mitglieds dieses Raums.'
        : 'Note: the guest name “Anna Schmıdt” looks like the name of a member of this room.';
      await waitUntil(() => deepAll(f.root, '.notice').some((n) => n.textContent!.includes(said)), 'the notice to the moderator');
      expect(deep(f.root, '.admit-notice[data-identity="guest:thomas"]'), 'no admit question: the guest is in').to.equal(null);
      deep<HTMLButtonElement>(f.root, '.controls .participants')!.click();
      const row = await waitUntil(() => deep(f.root, 'timio-participants-panel')?.shadowRoot?.querySelector('.person[data-identity="guest:thomas"]'), 'the guest in the panel');
      await settled(f.el);
      expect(row.querySelector('[data-badge="guest"]')?.textContent).to.equal(lang === 'de' ? 'Gast' : 'Guest');
      expect(row.querySelector('[data-badge="resembles"]')?.textContent).to.equal(lang === 'de' ? 'Name wie ein Mitglied' : 'Name like a member\'s');
      // Another room's frame marks nobody here.
      f.send({ type: 'guest-resembles', room: 'andere', guest: { identity: 'guest:x', name: 'X' } });
      await expect(f.el).to.be.accessible();
    });
  }
});
