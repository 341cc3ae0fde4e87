// unicode-confusables ships its types under a name TypeScript does not look for; the one call used here.
declare module 'unicode-confusables' {
  /** Every code point with a prototype in Unicode's confusables.txt replaced by it (zero-width characters dropped). */
  export function rectifyConfusion(text: string): string;
}
