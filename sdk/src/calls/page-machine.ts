// The page's call machine with the browser's resume store: the entry of the calls chunk, which the
// light part (calls/page-calls.ts) loads on the first call event or action of the page, or at once
// when the tab has a call to resume. The caller's popup comes with it: only a page that places a
// call draws it (<timio-notifications> does once the chunk is there).
import { BrowserCallResumeStore } from '../resume/browser-call-resume-store.js';
import { CallMachine } from './call-machine.js';
import type { CallMachineOptions } from './call-types.js';

export { callError, closeEndedLater, endedNotice, outgoingMessage, outgoingPopup, outgoingStrings } from '../elements/notifications/outgoing-popup.js';

export function createPageMachine(options: Omit<CallMachineOptions, 'resumeStore'>): CallMachine {
  return new CallMachine({ ...options, resumeStore: new BrowserCallResumeStore() });
}
