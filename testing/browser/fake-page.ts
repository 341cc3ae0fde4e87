// The page wiring element tests share (in the browser): the SDK configured for the fake token
// service with `user`'s portal token, a FakeRealtime as the page's one realtime connection signed
// in as `user`, and, for tests that answer calls, a recorder in place of the call window.
import type { CallGrant } from '#protocol/rest.js';
import { configure, type TimioOptions } from '../../sdk/src/config/config.js';
import { attachRealtime, pageServices } from '../../sdk/src/page/page-services.js';
import { FakeRealtime, TEST_SERVICE } from './fake-token-service.js';

export function fakeSignedInPage(user: string, options: Partial<TimioOptions> = {}): FakeRealtime {
  configure({ tokenServiceUrl: TEST_SERVICE, portalToken: `portal-token-${user}`, ...options });
  const realtime = new FakeRealtime();
  realtime.userId = user;
  attachRealtime(realtime);
  return realtime;
}

export interface RecordedCallWindows {
  /** Every grant a call window was opened with, in order. */
  opened: CallGrant[];
  /** Each window's end callback (what its hang-up button calls), in the same order. */
  ends: Array<(reason: string) => void>;
}

/** Opens no window: records what the page's call machine would have opened. */
export function recordCallWindows(): RecordedCallWindows {
  const recorded: RecordedCallWindows = { opened: [], ends: [] };
  pageServices().calls.useWindowOpener(async (grant, onEnd) => {
    recorded.opened.push(grant);
    recorded.ends.push(onEnd);
    return { update: () => undefined, close: async () => undefined };
  });
  return recorded;
}
