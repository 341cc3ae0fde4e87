// Which catalog an element uses: the configured locale, else the nearest `lang` around the
// element (the page's `lang` in the end), else the browser's language. Hosts can register more
// languages with registerCatalog().
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getConfig, onConfigChange } from '../config/config.js';
import type { Catalog } from './catalog.js';
import { de } from './de.js';
import { en } from './en.js';

const catalogs = new Map<string, Catalog>([['de', de], ['en', en]]);

/** Adds or replaces the catalog of a language (primary subtag, e.g. `fr`). */
export function registerCatalog(language: string, catalog: Catalog): void {
  catalogs.set(language.toLowerCase().split('-')[0]!, catalog);
}

/** The catalog for a language tag; German when the language is unknown or empty. */
export function catalogFor(tag: string | null | undefined): Catalog {
  const language = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return catalogs.get(language) ?? (language ? en : de);
}

/** The language an element should speak. */
export function localeOf(element?: Element): string {
  const configured = getConfig()?.locale;
  if (configured) return configured;
  let node: Node | null | undefined = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang')) return node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return (typeof navigator !== 'undefined' && navigator.language) || 'de';
}

const hosts = new Set<ReactiveControllerHost>();
let langObserver: MutationObserver | undefined;

function updateAll() {
  for (const host of hosts) host.requestUpdate();
}

/** Renders every localized element again (strings of a language have arrived: i18n/lazy-strings.ts). */
export const refreshLocalized = updateAll;

/**
 * Gives an element its catalog (`this.localize.t`) and re-renders it when the configured locale
 * or the page's `lang` changes.
 */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get t(): Catalog {
    return catalogFor(localeOf(this.host));
  }

  hostConnected(): void {
    if (hosts.size === 0) {
      unsubscribeConfig = onConfigChange(updateAll);
      langObserver = new MutationObserver(updateAll);
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
    hosts.add(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0) {
      langObserver?.disconnect();
      unsubscribeConfig?.();
    }
  }
}

let unsubscribeConfig: (() => void) | undefined;
