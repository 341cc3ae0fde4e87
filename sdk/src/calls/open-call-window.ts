// How the page's call machine opens the 1:1 call window unless the host or a test replaced it
// (PageCalls.useWindowOpener): from the session + call window chunks (page/views-loader.ts). In the
// calls chunk, not the light part: only a call opens a window.
import type { CallWindowOpener } from './call-types.js';
import { loadCallViews } from '../page/views-loader.js';
import { localeOf } from '../i18n/localize.js';

export const openCallWindowLazily: CallWindowOpener = async (grant, onEnd, setup) => {
  const { openCallWindow } = await loadCallViews();
  return openCallWindow({
    ...(setup?.layout ? { restore: setup.layout } : {}),
    ...(setup?.onLayout ? { onLayout: setup.onLayout } : {}),
    call: grant.call,
    token: grant.token,
    url: grant.url,
    locale: localeOf(document.documentElement).toLowerCase().startsWith('en') ? 'en' : 'de',
    onEnd: (end) => onEnd(end.reason),
  });
};
