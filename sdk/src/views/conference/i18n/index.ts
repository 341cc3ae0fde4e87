// The conference strings for an element's catalog: the host's own (a registered catalog with a
// `conference` section), else the SDK's in its language (./en.ts fetched only by pages in English),
// else German (./de.ts, in the conference chunk). The layout of every lazily loaded part's strings:
// i18n/lazy-strings.ts.
import { lazyStrings } from '../../../i18n/lazy-strings.js';
import { de } from './de.js';

export const conferenceStrings = lazyStrings('conference', de, { en: () => import('./en.js').then((m) => m.en) });
