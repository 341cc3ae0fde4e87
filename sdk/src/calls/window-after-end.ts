// What the call window does when its call ends (call-machine.ts): at once it learns the end (it
// leaves a short "Gespräch beendet" notice), and once the machine has let the call go it closes.
// A call converted into a meeting (`reason: 'converted'`, issue 27) ends without that notice: the
// window hands its live session to the meeting's conference (views/call/call-conversion.ts).
import type { CallInfo } from '#protocol/realtime.js';
import type { CallWindow } from './call-types.js';

/** Tells `window` of the end now; returns what it does after the machine has let the call go. */
export function windowAfterEnd(window: CallWindow | undefined, call: CallInfo): () => Promise<void> | undefined {
  if (!window) return () => undefined;
  if (call.reason === 'converted' && window.convert) return () => window.convert!(call);
  window.update(call);
  return () => window.close();
}
