// Browser entry of the call-window test page: exposes openCallWindow from the conference chunk's
// source, so the window can be tried against a media server without the rest of the SDK.
import { openCallWindow, type CallWindowEnd, type CallWindowHandle } from '../../sdk/src/views/call-window.js';
import { registerContactActions } from '../../sdk/src/contact-actions/contact-actions.js';
import { configure } from '../../sdk/src/config/config.js';
import type { CallInfo } from '#protocol/realtime.js';

/** A call as a test opens it: the service's CallInfo, its start time filled in here when left out. */
export type TestCall = Omit<CallInfo, 'createdAt'> & { createdAt?: string };

declare global {
  interface Window {
    callWindow: {
      open(options: { call: TestCall; token: string; url: string; locale: 'de' | 'en' }): void;
      handle?: CallWindowHandle;
      ended?: CallWindowEnd;
      /** The host's contact actions ("Weitere Kontaktoptionen"), as timio.registerContactActions. */
      registerContactActions: typeof registerContactActions;
      /** The contacts the page's "Open chat" action ran for (registered by openChatAction()). */
      chats: string[];
      openChatAction(labels: { de: string; en: string }): void;
      /** timio.configure (e.g. the company backgrounds). */
      configure: typeof configure;
    };
  }
}

window.callWindow = {
  registerContactActions,
  configure,
  chats: [],
  openChatAction(labels) {
    registerContactActions([
      { id: 'chat', label: labels, run: (contact) => window.callWindow.chats.push(contact.id) },
      { id: 'profile', label: { de: 'Profil anzeigen', en: 'View profile' }, href: (contact) => `#profile-${contact.id}` },
    ]);
  },
  open(options) {
    this.handle = openCallWindow({ ...options, call: { createdAt: new Date().toISOString(), ...options.call }, onEnd: (end) => (window.callWindow.ended = end) });
  },
};
