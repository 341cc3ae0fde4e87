// Every language of every catalog has every string: the light part's catalog (i18n/de.ts, en.ts)
// and the sections that load with a lazy part (i18n/lazy-strings.ts: German beside the code,
// English in the part's en.ts). TypeScript refuses a typed catalog that misses a key; this test
// also holds for what the types cannot see (an empty string, a value that should take a name).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { de as lightDe } from '../src/i18n/de.js';
import { en as lightEn } from '../src/i18n/en.js';
import { callWindowDe } from '../src/views/i18n/call-window.js';
import { mediaDe } from '../src/views/i18n/media.js';
import { effectsDe } from '../src/views/i18n/effects.js';
import { outgoingCallDe } from '../src/elements/notifications/i18n/de.js';
import { outgoingCallEn } from '../src/elements/notifications/i18n/en.js';
import { callWindowEn, effectsEn, mediaEn } from '../src/views/i18n/en.js';
import { de as conferenceDe } from '../src/views/conference/i18n/de.js';
import { en as conferenceEn } from '../src/views/conference/i18n/en.js';
import { guestStrings } from '../src/elements/guest-join/i18n/index.js';
import { en as guestEn } from '../src/elements/guest-join/i18n/en.js';
import { historyStrings } from '../src/elements/call-history/i18n/index.js';
import { en as historyEn } from '../src/elements/call-history/i18n/en.js';
import type { Catalog } from '../src/i18n/catalog.js';

/** Where `other` differs in shape from `reference` (missing or extra keys, a string for a function, an empty string). */
export function shapeDifferences(reference: unknown, other: unknown, path = ''): string[] {
  if (typeof reference === 'function') return typeof other === 'function' ? [] : [`${path}: a function in German, ${typeof other} here`];
  if (typeof reference === 'string') return typeof other === 'string' && other.trim() !== '' ? [] : [`${path}: missing or empty`];
  if (typeof reference !== 'object' || reference === null) return [];
  if (typeof other !== 'object' || other === null) return [`${path}: missing`];
  const keys = new Set([...Object.keys(reference), ...Object.keys(other)]);
  return [...keys].filter((k) => path !== '' || k !== 'locale').flatMap((k) =>
    k in reference ? shapeDifferences((reference as Record<string, unknown>)[k], (other as Record<string, unknown>)[k], `${path}.${k}`) : [`${path}.${k}: not in German`]);
}

// The German sections of the guest page and the history are read through their helpers, as the
// elements read them (German when the catalog's language is German).
const germanCatalog = { locale: 'de-DE' } as Catalog;

const pairs: Array<[string, unknown, unknown]> = [
  ['light part (i18n/de.ts, en.ts)', lightDe, lightEn],
  ['caller\'s popup (elements/notifications/i18n, with the calls chunk)', outgoingCallDe, outgoingCallEn],
  ['call window (views/i18n)', callWindowDe, callWindowEn],
  ['media parts (views/i18n)', mediaDe, mediaEn],
  ['sound and background (views/i18n)', effectsDe, effectsEn],
  ['conference (views/conference/i18n)', conferenceDe, conferenceEn],
  ['guest page (elements/guest-join/i18n)', guestStrings(germanCatalog), guestEn],
  ['call history (elements/call-history/i18n)', historyStrings(germanCatalog), historyEn],
];

describe('string catalogs', () => {
  for (const [name, german, english] of pairs) {
    it(`English has every string German has: ${name}`, () => {
      assert.deepEqual(shapeDifferences(german, english), []);
    });
  }

  it('the check fails when English misses a key, has an empty one, or a string where German takes a name', () => {
    const { endCall: _missing, ...withoutEndCall } = callWindowEn;
    assert.deepEqual(shapeDifferences(callWindowDe, withoutEndCall), ['.endCall: missing or empty']);
    assert.deepEqual(shapeDifferences(mediaDe, { ...mediaEn, quality: { ...mediaEn.quality, lost: '' } }), ['.quality.lost: missing or empty']);
    assert.deepEqual(shapeDifferences(mediaDe, { ...mediaEn, self: 'you' }), ['.self: a function in German, string here']);
    assert.deepEqual(shapeDifferences(mediaDe, { ...mediaEn, extra: 'x' }), ['.extra: not in German']);
  });
});
