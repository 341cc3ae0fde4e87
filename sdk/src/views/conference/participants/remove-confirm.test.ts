// The remove confirmation in the participants panel as a moderator sees it (issue 24 finding 7), in
// Chromium and Firefox, German and English, on a laptop and a phone: with a list longer than the
// panel, the confirmation for the last person is wholly inside the panel and on screen, nothing
// covers it, and its safe choice has the focus.
import { expect } from '@open-wc/testing';
import { cleanupsAfterEach } from '../../../../../testing/browser/cleanups.js';
import { waitUntil } from '../../../../../testing/wait.js';
import { conferenceFixture, conferenceForTest, deep, settled, text } from '../../../../../testing/browser/conference-fixture.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const cleanup = cleanupsAfterEach();

const setup = (options: Parameters<typeof conferenceFixture>[0] = {}) => conferenceForTest(cleanup, options);

const viewport = (width: number, height: number) => cleanup.viewport(width, height);

const box = (el: Element) => el.getBoundingClientRect();
type Box = { left: number; top: number; right: number; bottom: number };
/** The visible screen (Firefox draws a classic scroll bar beside a long page: not covered). */
const screen = () => ({ left: 0, top: 0, right: document.documentElement.clientWidth, bottom: innerHeight });

for (const lang of ['de', 'en'] as const) {
  describe(`the remove confirmation as a moderator sees it (${lang})`, () => {
    for (const [width, height] of [[1280, 800], [390, 844]] as const) {
      it(`the remove confirmation in the participants panel is fully on screen, inside the panel, at ${width}×${height} (finding 7)`, async () => {
        await viewport(width, height);
        const f = await setup({ lang, moderators: ['anna'] });
        f.el.fullWindow = true;
        void f.el.join({ prejoin: true });
        await waitUntil(() => deep(f.root, '.join-moderator'), 'pre-join');
        deep<HTMLButtonElement>(f.root, '.join-moderator')!.click();
        await waitUntil(() => f.sessions.length === 1, 'session');
        const s = f.session();
        // A meeting of twelve: the list is longer than the panel, the last one at its bottom edge.
        const names = ['Ben Müller', 'Carla Rossi', 'Dora Neu', 'Emil Roth', 'Felix Braun', 'Gina Vogt', 'Hans Kurz', 'Ida Lang', 'Jan Ott', 'Karl Berg', 'Lena Wolf'];
        names.forEach((name, i) => s.put({ identity: `p${i}`, name, joinedAt: i + 1, microphone: { sid: `m${i}`, muted: false } }));
        s.connection.set({ phase: 'connected' });
        await settled(f.el);
        const bar = deep(f.root, 'timio-control-bar')!;
        const participants = deep<HTMLButtonElement>(bar.shadowRoot!, '.controls .participants');
        if (participants && box(participants).width > 0) participants.click();
        else {
          deep<HTMLButtonElement>(bar.shadowRoot!, 'button.overflow')!.click();
          (await waitUntil(() => deep<HTMLButtonElement>(bar.shadowRoot!, '[part="overflow-menu"] .participants'), 'the overflow menu')).click();
        }
        const panel = await waitUntil(() => deep<HTMLElement>(f.root, 'timio-participants-panel'), 'the participants panel');
        await settled(f.el);
        const last = await waitUntil(() => panel.shadowRoot!.querySelector<HTMLElement>('.person[data-identity="p10"]'), 'Lena in the list');
        // As a person does: scrolls to the last one and presses "Entfernen".
        last.scrollIntoView({ block: 'end' });
        last.querySelector<HTMLButtonElement>('.remove')!.click();
        const confirm = await waitUntil(() => panel.shadowRoot!.querySelector<HTMLElement>('.confirm'), 'the confirmation');
        await settled(f.el);
        const question = lang === 'de' ? 'Lena Wolf aus der Konferenz entfernen?' : 'Remove Lena Wolf from the conference?';
        expect(text(confirm, ':scope > span')).to.equal(question);
        const section = box(panel.shadowRoot!.querySelector('section')!);
        const inside = (r: DOMRect, outer: Box) => r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5 && r.top >= outer.top - 0.5 && r.bottom <= outer.bottom + 0.5;
        // The confirmation moves itself into view (a frame later): wait for what a person then sees.
        const seen = () => [...confirm.querySelectorAll<HTMLElement>(':scope > span, button')].map((el) => {
          const r = box(el);
          const hit = panel.shadowRoot!.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { what: el.textContent!.trim(), inPanel: inside(r, section), onScreen: inside(r, screen()), hit: !!hit && el.contains(hit) };
        });
        await waitUntil(() => seen().every((x) => x.inPanel && x.onScreen && x.hit), 'the whole confirmation visible').catch(() => {
          throw new Error(JSON.stringify({ section, seen: seen() }));
        });
        expect(seen().length).to.equal(3);
        // Its safe choice has the focus: Escape or Enter removes nobody.
        expect(panel.shadowRoot!.activeElement?.textContent?.trim()).to.equal(lang === 'de' ? 'Abbrechen' : 'Cancel');
      });
    }


    it('Escape closes it without removing anyone and gives the focus back to "Entfernen"', async () => {
      const f = await setup({ lang, moderators: ['anna'] });
      void f.el.join({ prejoin: true });
      await waitUntil(() => deep(f.root, '.join-moderator'), 'pre-join');
      deep<HTMLButtonElement>(f.root, '.join-moderator')!.click();
      await waitUntil(() => f.sessions.length === 1, 'session');
      f.session().put({ identity: 'ben', name: 'Ben Müller', joinedAt: 1, microphone: { sid: 'm1', muted: false } });
      f.session().connection.set({ phase: 'connected' });
      await settled(f.el);
      deep<HTMLButtonElement>(f.root, '.controls .participants')!.click();
      const panel = await waitUntil(() => deep<HTMLElement>(f.root, 'timio-participants-panel'), 'the panel');
      await settled(f.el);
      const remove = () => panel.shadowRoot!.querySelector<HTMLButtonElement>('.person[data-identity="ben"] .remove');
      (await waitUntil(remove, '"Entfernen"')).click();
      await waitUntil(() => panel.shadowRoot!.activeElement?.classList.contains('link'), 'the focus on "Abbrechen"');
      panel.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await waitUntil(() => remove() && panel.shadowRoot!.activeElement === remove(), 'the focus back on "Entfernen"');
      expect(panel.shadowRoot!.querySelector('.confirm')).to.equal(null);
      expect(f.room.removed).to.deep.equal([]);
    });
  });
}
