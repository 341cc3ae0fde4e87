// Call buttons and contacts that a page adds, removes and rebuilds at any time show the live
// status. The page's real realtime client (sdk/src/realtime) talks to a socket that answers the
// way the token service's hub does: presence only for contacts it newly watches, then changes.
// (token-service/test/realtime/sdk-client.test.ts runs the same client against the real service.)
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../testing/wait.js';
import { configure } from '../../config/config.js';
import { RealtimeClient, type WebSocketLike } from '../../realtime/realtime-client.js';
import type { ClientMessage, PresenceStatus, ServerMessage } from '#protocol/realtime.js';
import { attachRealtime } from '../../page/page-services.js';
import { TEST_SERVICE } from '../../../../testing/browser/fake-token-service.js';
import { defineContact } from '../contact/contact.js';
import { TimioCallButton, defineCallButton } from './call-button.js';

/** The service side of one page's socket, as token-service/src/realtime/hub.ts behaves. */
class ServiceSide {
  static current?: ServiceSide;
  readonly watching = new Set<string>();
  readonly frames: ClientMessage[] = [];
  readonly statuses = new Map<string, PresenceStatus>();
  socket?: ServiceSocket;

  receive(m: ClientMessage): void {
    this.frames.push(m);
    if (m.type === 'auth') return this.send({ type: 'ready', user: { id: 'eva', name: 'Eva Klein' }, page: 'p1' });
    if (m.type !== 'watch') return;
    for (const id of m.remove ?? []) this.watching.delete(id);
    const fresh = (m.add ?? []).filter((id) => !this.watching.has(id));
    fresh.forEach((id) => this.watching.add(id));
    if (fresh.length) this.send({ type: 'presence', users: fresh.map((id) => ({ id, status: this.statuses.get(id) ?? 'offline' })) });
  }

  setPresence(id: string, status: PresenceStatus): void {
    this.statuses.set(id, status);
    if (this.watching.has(id)) this.send({ type: 'presence', users: [{ id, status }] });
  }

  send(m: ServerMessage): void {
    setTimeout(() => this.socket?.deliver('message', { data: JSON.stringify(m) }));
  }
}

class ServiceSocket implements WebSocketLike {
  readyState = 0;
  private readonly listeners = new Map<string, Array<(e: any) => void>>();
  constructor(_url: string) {
    const side = (ServiceSide.current = new ServiceSide());
    side.socket = this;
    setTimeout(() => {
      this.readyState = 1;
      this.deliver('open', {});
    });
  }
  send(data: string): void {
    ServiceSide.current!.receive(JSON.parse(data) as ClientMessage);
  }
  close(): void {
    this.readyState = 3;
  }
  addEventListener(type: string, listener: (e: any) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  deliver(type: string, event: unknown): void {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}

defineCallButton();
defineContact();
configure({ tokenServiceUrl: TEST_SERVICE, portalToken: 'portal-token-eva' });
const client = new RealtimeClient({ url: TEST_SERVICE, getToken: async () => 'portal-token-eva', WebSocket: ServiceSocket });
attachRealtime(client);

const people = ['anna', 'ben', 'carla', 'david', 'emma', 'felix'];
const visible = (el: Element) => getComputedStyle(el).display !== 'none';

/** Rebuilds every row at once, as the demo's journal does after each call event. */
function renderRows(table: HTMLElement): TimioCallButton[] {
  table.replaceChildren(...people.map((id) => {
    const row = document.createElement('div');
    const contact = document.createElement('timio-contact');
    contact.setAttribute('contact', id);
    contact.textContent = id;
    const button = document.createElement('timio-call-button');
    button.setAttribute('contact', id);
    button.setAttribute('name', id);
    row.append(contact, button);
    return row;
  }));
  return [...table.querySelectorAll<TimioCallButton>('timio-call-button')];
}

describe('live presence of buttons a page adds and rebuilds', () => {
  it('rows rebuilt within one batch keep showing who is signed in, and follow later changes', async () => {
    const table = document.createElement('div');
    document.body.append(table);
    let buttons = renderRows(table);
    await waitUntil(() => ServiceSide.current?.watching.size === people.length, 'the service watches every contact');
    const service = ServiceSide.current!;
    service.setPresence('anna', 'online');
    service.setPresence('carla', 'busy');
    await waitUntil(() => visible(buttons[0]!) && visible(buttons[2]!), 'anna and carla shown');

    for (let round = 0; round < 4; round++) {
      buttons = renderRows(table);
      await waitUntil(() => visible(buttons[0]!) && buttons[2]!.getAttribute('status') === 'busy', `round ${round}: the new rows show anna and carla`);
      expect(buttons.filter(visible).length, `round ${round}: only the two signed-in contacts`).to.equal(2);
      const contact = table.querySelector('timio-contact[contact="anna"]')!;
      expect(contact.getAttribute('status')).to.equal('online');
    }
    // A change after the rebuilds reaches the newest buttons.
    service.setPresence('ben', 'online');
    service.setPresence('anna', 'offline');
    await waitUntil(() => visible(buttons[1]!) && !visible(buttons[0]!), 'ben appears, anna disappears');

    // A row added later, and one removed and added back in the same task.
    const late = document.createElement('timio-call-button');
    late.setAttribute('contact', 'ben');
    table.append(late);
    await waitUntil(() => visible(late), 'a button added later shows ben online');
    late.remove();
    table.append(late);
    await waitUntil(() => visible(late));
    table.remove();
  });
});
