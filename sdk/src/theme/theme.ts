// The one theme file: every `--timio-*` token of the light elements with its default. Elements
// read tokens only through the private `--_x` properties declared here, so a default lives in one
// place and a host overrides a token once (on :root, a container, or one element).
import { css, unsafeCSS } from 'lit';

/** System tokens: colours, shape and type shared by every TIMIO element. */
export const lightTokens = {
  '--timio-color-primary': '#1f6feb',
  '--timio-color-on-primary': '#ffffff',
  '--timio-color-success': '#1a7f37',
  '--timio-color-on-success': '#ffffff',
  '--timio-color-danger': '#d1242f',
  '--timio-color-on-danger': '#ffffff',
  '--timio-color-surface': '#ffffff',
  '--timio-color-on-surface': '#1f2328',
  '--timio-color-muted': '#59636e',
  '--timio-color-border': '#d1d9e0',
  '--timio-color-hover': 'rgba(31, 111, 235, 0.1)',
  '--timio-radius': '12px',
  '--timio-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  '--timio-shadow': '0 8px 28px rgba(0, 0, 0, 0.22)',
  '--timio-z-index': '2147483000',
  // The call and conference views are dark in both themes: video reads best on a dark frame.
  '--timio-call-background': '#14171c',
  '--timio-call-color': '#f4f6f8',
  '--timio-call-muted-color': '#aab2bd',
  '--timio-call-control': '#2d3440',
  '--timio-call-control-hover': '#3a4351',
  '--timio-call-panel': '#222831',
  '--timio-call-backdrop': 'rgb(10 14 20 / 0.55)',
  '--timio-call-inset': '24px',
} as const;

export type ThemeToken = keyof typeof lightTokens;

export const darkTokens: Record<ThemeToken, string> = {
  ...lightTokens,
  '--timio-color-primary': '#4493f8',
  '--timio-color-surface': '#1f2328',
  '--timio-color-on-surface': '#f0f3f6',
  '--timio-color-muted': '#9198a1',
  '--timio-color-border': '#3d444d',
  '--timio-color-hover': 'rgba(68, 147, 248, 0.16)',
  '--timio-shadow': '0 8px 28px rgba(0, 0, 0, 0.6)',
};

const privateName = (token: string) => `--_${token.slice('--timio-'.length).replace(/^color-/, '')}`;

/**
 * Declares the private `--_primary`, `--_surface`, … on :host, each reading its public token with
 * the light default. Every element's styles start with this.
 */
export const themeTokens = css`
  :host {
    ${unsafeCSS(Object.entries(lightTokens).map(([token, value]) => `${privateName(token)}: var(${token}, ${value});`).join('\n    '))}
  }
`;

/** What `configure({theme})` accepts: a built-in theme or token values. */
export type ThemeOption = 'light' | 'dark' | Partial<Record<ThemeToken, string>>;

let sheet: CSSStyleSheet | undefined;

/**
 * Applies a theme to the whole page by a constructed stylesheet on `document` (no inline style, so
 * a strict Content-Security-Policy allows it). Only `--timio-*` properties are set.
 */
export function applyTheme(theme: ThemeOption | undefined): void {
  if (typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
  const values: Partial<Record<ThemeToken, string>> = theme === 'dark' ? darkTokens : theme === 'light' || !theme ? {} : theme;
  const declarations = Object.entries(values)
    .filter(([token, value]) => token in lightTokens && typeof value === 'string' && !/[;{}<]/.test(value))
    .map(([token, value]) => `${token}: ${value};`)
    .join(' ');
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(declarations ? `:root { ${declarations} }` : '');
}
