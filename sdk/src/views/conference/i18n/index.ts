// The conference strings for an element's catalog: the host's own (a registered catalog with a
// `conference` section), else the SDK's German or English ones that ship with this chunk.
import type { Catalog, ConferenceCatalog } from '../../../i18n/catalog.js';
import { de } from './de.js';
import { en } from './en.js';

export function conferenceStrings(t: Catalog): ConferenceCatalog {
  // Like catalogFor(): German for German, English for every other language.
  return t.conference ?? (t.locale.toLowerCase().startsWith('de') ? de : en);
}
