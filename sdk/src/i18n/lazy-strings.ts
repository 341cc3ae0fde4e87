// The one layout for the strings that come with a part outside the light part (the call window's,
// the media parts', the sound and background settings', the conference's, the guest page's, the
// call history's): each part keeps its German strings beside its code (German is the SDK's language
// when nothing else is known, and the fallback), and every other language in a module of its own
// (the part's i18n/en.ts), fetched only by pages that speak it. A host's catalog may bring the
// section itself (registerCatalog with `conference`, …).
import type { Catalog } from './catalog.js';
import { refreshLocalized } from './localize.js';

/** The sections of a catalog that ship with a lazily loaded part. */
export type LazySection = 'callWindow' | 'media' | 'effects' | 'conference' | 'guestJoin' | 'callHistory';

export interface LazyStrings<T> {
  /**
   * The strings for an element's catalog: the host's own section; else the SDK's in the catalog's
   * language once loaded (asking for it starts the load; every localized element renders again
   * when it has arrived); else German.
   */
  (t: Catalog): T;
  /** Fetches the SDK's strings for a language tag before the first render (German at once). */
  load(locale: string): Promise<T>;
  /** Undefined when the strings for this catalog are at hand; else the promise of their arrival. */
  pending(t: Catalog): Promise<unknown> | undefined;
}

/**
 * For an element's scheduleUpdate(): undefined when all these strings are at hand for `t` (render
 * now), else a promise of their arrival, so an English page never shows German first.
 */
export function stringsPending(t: Catalog, ...parts: Array<LazyStrings<unknown>>): Promise<unknown> | undefined {
  const waits = parts.map((p) => p.pending(t)).filter((w) => w !== undefined);
  return waits.length ? Promise.all(waits) : undefined;
}

/**
 * `german` ships with the part; `languages` fetch the others by their primary subtag
 * (`{en: () => import('./en.js').then((m) => m.conference)}`).
 */
export function lazyStrings<K extends LazySection>(
  section: K,
  german: NonNullable<Catalog[K]>,
  languages: Readonly<Record<string, () => Promise<NonNullable<Catalog[K]>>>>,
): LazyStrings<NonNullable<Catalog[K]>> {
  type T = NonNullable<Catalog[K]>;
  const loaded = new Map<string, T>([['de', german]]);
  const loading = new Map<string, Promise<T>>();
  const load = (locale: string): Promise<T> => {
    const language = locale.toLowerCase().split('-')[0]!;
    const ready = loaded.get(language);
    if (ready) return Promise.resolve(ready);
    const fetch = languages[language];
    if (!fetch) return Promise.resolve(german);
    let pending = loading.get(language);
    if (!pending) {
      pending = fetch().then(
        (strings) => {
          loaded.set(language, strings);
          refreshLocalized();
          return strings;
        },
        (err: unknown) => {
          loading.delete(language); // offline: asked again on the next render
          console.warn(`[timio] the ${language} strings could not be loaded`, err);
          return german;
        },
      );
      loading.set(language, pending);
    }
    return pending;
  };
  const strings = (t: Catalog): T => {
    const own = t[section] as T | undefined;
    if (own) return own;
    const language = t.locale.toLowerCase().split('-')[0]!;
    const ready = loaded.get(language);
    if (ready) return ready;
    void load(language);
    return german;
  };
  const pending = (t: Catalog): Promise<unknown> | undefined => {
    if (t[section]) return undefined;
    const language = t.locale.toLowerCase().split('-')[0]!;
    return loaded.has(language) || !languages[language] ? undefined : load(language);
  };
  return Object.assign(strings, { load, pending });
}
