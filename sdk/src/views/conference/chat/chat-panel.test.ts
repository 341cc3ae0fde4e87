// The chat panel in Chromium, inside a joined <timio-conference>: history for a late joiner,
// sender and time, sending through the session, the 2,000-character limit, unread count on the
// button, host events, keyboard and axe.
import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../../testing/wait.js';
import { conferenceFixture, deep, deepAll, settled, text } from '../../../../../testing/browser/conference-fixture.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;
declare const afterEach: (body: () => void) => void;

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

async function joined(lang: 'de' | 'en' = 'de') {
  const f = await conferenceFixture({ lang });
  uninstall = () => f.service.uninstall();
  void f.el.join({ prejoin: false });
  await waitUntil(() => f.sessions.length === 1);
  const s = f.session();
  s.chat.set([{ id: '1', from: 'ben', fromName: 'Ben Müller', mine: false, at: Date.parse('2026-11-26T09:15:00'), text: 'Guten Morgen' }]);
  s.connection.set({ phase: 'connected' });
  await settled(f.el);
  return { ...f, s };
}

describe('<timio-chat-panel> in the conference', () => {
  it('counts unread messages on the button, then shows them with sender and time; sends through the session', async () => {
    const f = await joined();
    const heard = oneEvent(f.el, 'timio-conference-chat-message');
    f.s.chat.set([...f.s.chat.value, { id: '2', from: 'gast-1', fromName: 'Gerda Gast', guest: true, mine: false, at: Date.parse('2026-11-26T09:16:00'), text: 'Hallo <b>alle</b>' }]);
    expect((await heard).detail.message?.text).to.equal('Hallo <b>alle</b>');
    await settled(f.el);
    const button = deep<HTMLButtonElement>(f.root, '.controls .chat')!;
    // Both arrived after joining (the first as the meeting's history): both unread.
    expect(button.getAttribute('aria-label')).to.equal('Chat öffnen, 2 ungelesene Nachrichten');
    expect(text(button, '.badge')).to.equal('2');
    button.click();
    await settled(f.el);
    expect(deep(f.root, '.controls .chat')!.getAttribute('aria-expanded')).to.equal('true');
    expect(deep(f.root, '.controls .chat .badge')).to.equal(null);
    const items = deepAll(f.root, '.message');
    expect(items.map((m) => m.getAttribute('data-from'))).to.deep.equal(['ben', 'gast-1']);
    expect(text(items[0]!, '.from')).to.equal('Ben Müller');
    expect(text(items[0]!, 'time')).to.equal('09:15');
    expect(text(items[1]!, '.tag')).to.equal('Gast');
    // Text only: markup in a message is shown as typed.
    expect(text(items[1]!, '.text')).to.equal('Hallo <b>alle</b>');
    expect(deep(f.root, '.message b')).to.equal(null);
    const box = deep<HTMLTextAreaElement>(f.root, 'textarea')!;
    await waitUntil(() => deep(f.root, 'timio-chat-panel')!.shadowRoot!.activeElement === box, 'focus in the message box');
    box.value = 'Bin gleich da';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitUntil(() => f.s.calls.includes('chat:Bin gleich da'), 'sent with Enter');
    await settled(f.el);
    expect(box.value).to.equal('');
    await expect(f.el).to.be.accessible();
  });

  it('holds at most 2,000 characters and says how many are left; Escape closes and focus returns', async () => {
    const f = await joined('en');
    deep<HTMLButtonElement>(f.root, '.controls .chat')!.click();
    await settled(f.el);
    const box = deep<HTMLTextAreaElement>(f.root, 'textarea')!;
    expect(box.maxLength).to.equal(2000);
    box.value = 'x'.repeat(1950);
    box.dispatchEvent(new Event('input'));
    await settled(f.el);
    expect(text(f.root, '#left')).to.equal('50 characters left');
    f.s.sendChat = async () => {
      throw Object.assign(new Error('no'), { code: 'invalid_input' });
    };
    deep<HTMLButtonElement>(f.root, '.send')!.click();
    await waitUntil(() => text(f.root, '.foot .error') === 'The message could not be sent.', 'readable error');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settled(f.el);
    expect(deep(f.root, 'timio-chat-panel')).to.equal(null);
    await waitUntil(() => deep(f.root, 'timio-control-bar')!.shadowRoot!.activeElement?.classList.contains('chat'), 'focus back on the chat button');
  });
});
