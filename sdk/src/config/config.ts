// The page's TIMIO configuration: set once by `timio.configure({...})` or a <timio-config>
// element, read by every element. Elements that render before the page configures TIMIO wait
// for it (whenConfigured) instead of failing. Where the portal token comes from and where it goes
// are fixed once the SDK has used them: markup injected into the page later cannot redirect it.
import { applyTheme, type ThemeOption } from '../theme/theme.js';

export interface TimioOptions {
  /** Base URL of the token service, e.g. `https://portal.example/timio-api` (relative to the page allowed). */
  tokenServiceUrl: string;
  /** The portal user's token, or a function that returns a fresh one (called whenever one is needed). */
  portalToken?: string | (() => Promise<string>);
  /** Same-origin URL that answers with `{token, expiresAt?}` (or the bare token) for the signed-in user. */
  portalTokenUrl?: string;
  /** UI language (`de` or `en`); default: the page's `lang`. */
  locale?: string;
  theme?: ThemeOption;
  /**
   * Folder URL of the camera-background files (segmentation wasm and model); default: the
   * `effects/` folder beside the SDK's `chunks/` (where the build puts them).
   */
  effectsUrl?: string;
  /** The company's background images offered under "Hintergrund": URLs, or `{url, label}`. */
  backgrounds?: BackgroundList;
}

/** The host's background images: URLs, or `{url, label}`. */
export type BackgroundList = ReadonlyArray<string | BackgroundImage>;

/** One of the host's background images; the label is shown in the settings (default: "Bild n"). */
export interface BackgroundImage {
  url: string;
  label?: string;
}

export interface TimioConfig {
  readonly tokenServiceUrl: string;
  readonly portalToken?: string | (() => Promise<string>);
  readonly portalTokenUrl?: string;
  readonly locale?: string;
  readonly theme?: ThemeOption;
  readonly effectsUrl?: string;
  readonly backgrounds?: readonly BackgroundImage[];
}

type Listener = (config: TimioConfig) => void;

let current: TimioConfig | undefined;
/** Settings the SDK has used; later changes to them are ignored with a warning. */
let pinnedUrl = false;
let pinnedSource = false;
const listeners = new Set<Listener>();
let resolveFirst: ((config: TimioConfig) => void) | undefined;
const first = new Promise<TimioConfig>((resolve) => (resolveFirst = resolve));

function absoluteHttpUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value, typeof location === 'undefined' ? undefined : location.href);
  } catch {
    throw new TypeError(`timio.configure: ${what} is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`timio.configure: ${what} must be an http(s) URL`);
  return url.href.replace(/\/+$/, '');
}

function backgroundList(value: unknown): readonly BackgroundImage[] {
  if (!Array.isArray(value)) throw new TypeError('timio.configure: backgrounds must be a list of image URLs or {url, label}');
  return Object.freeze(value.map((item: unknown) => {
    const { url, label } = (typeof item === 'string' ? { url: item } : item ?? {}) as { url?: unknown; label?: unknown };
    if (typeof url !== 'string' || !url) throw new TypeError('timio.configure: each background needs an image url');
    if (label !== undefined && typeof label !== 'string') throw new TypeError('timio.configure: a background label must be a string');
    return Object.freeze({ url: absoluteHttpUrl(url, 'background url'), ...(label ? { label } : {}) });
  }));
}

/**
 * Sets or updates the configuration. Later calls merge into earlier ones, so a page may set the
 * locale on its own. Throws a TypeError that says what is wrong with a bad option.
 */
export function configure(options: Partial<TimioOptions>): TimioConfig {
  if (typeof options !== 'object' || options === null) throw new TypeError('timio.configure: pass an options object');
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === '') delete merged[key];
    else merged[key] = value;
  }
  const tokenServiceUrl = merged.tokenServiceUrl;
  if (typeof tokenServiceUrl !== 'string') throw new TypeError('timio.configure: tokenServiceUrl is required');
  merged.tokenServiceUrl = absoluteHttpUrl(tokenServiceUrl, 'tokenServiceUrl');
  const { portalToken, portalTokenUrl, locale } = merged;
  if (portalToken !== undefined && typeof portalToken !== 'string' && typeof portalToken !== 'function') {
    throw new TypeError('timio.configure: portalToken must be a string or a function returning a promise of one');
  }
  if (portalTokenUrl !== undefined) {
    if (typeof portalTokenUrl !== 'string') throw new TypeError('timio.configure: portalTokenUrl must be a string');
    merged.portalTokenUrl = absoluteHttpUrl(portalTokenUrl, 'portalTokenUrl');
  }
  if (locale !== undefined && typeof locale !== 'string') throw new TypeError('timio.configure: locale must be a language tag such as "de" or "en"');
  if (merged.effectsUrl !== undefined) {
    if (typeof merged.effectsUrl !== 'string') throw new TypeError('timio.configure: effectsUrl must be a string');
    merged.effectsUrl = `${absoluteHttpUrl(merged.effectsUrl, 'effectsUrl')}/`;
  }
  if (merged.backgrounds !== undefined) merged.backgrounds = backgroundList(merged.backgrounds);
  if (current && pinnedUrl && merged.tokenServiceUrl !== current.tokenServiceUrl) {
    console.warn('[timio] the token service URL is fixed once used; this change is ignored');
    merged.tokenServiceUrl = current.tokenServiceUrl;
  }
  if (current && pinnedSource && (merged.portalToken !== current.portalToken || merged.portalTokenUrl !== current.portalTokenUrl)) {
    console.warn('[timio] the portal token source (portalToken, portalTokenUrl) is fixed once used; this change is ignored');
    for (const key of ['portalToken', 'portalTokenUrl'] as const) {
      if (current[key] === undefined) delete merged[key];
      else merged[key] = current[key];
    }
  }
  const next = Object.freeze(merged) as unknown as TimioConfig;
  const themeChanged = next.theme !== current?.theme;
  current = next;
  if (themeChanged) applyTheme(next.theme);
  resolveFirst?.(next);
  for (const listener of [...listeners]) listener(next);
  return next;
}

/** The token service URL, for a request or connection about to carry the portal token: fixed from now on. */
export function useTokenServiceUrl(): string | undefined {
  if (current) pinnedUrl = true;
  return current?.tokenServiceUrl;
}

/** The configuration, for taking a portal token from its source: the source is fixed from now on. */
export function useTokenSource(): TimioConfig | undefined {
  if (current && (current.portalToken !== undefined || current.portalTokenUrl !== undefined)) pinnedSource = true;
  return current;
}

/** The configuration, or undefined while the page has not configured TIMIO yet. */
export function getConfig(): TimioConfig | undefined {
  return current;
}

/** Resolves with the configuration as soon as there is one. */
export function whenConfigured(): Promise<TimioConfig> {
  return current ? Promise.resolve(current) : first;
}

/** Calls `listener` on every later change; returns the unsubscribe function. */
export function onConfigChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
