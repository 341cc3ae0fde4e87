// Display names shown to other people (call popups, ring toasts, conference tiles). Names typed by
// people are checked (http/validation.ts refuses bad ones); names from the directory are trusted
// data, yet still made safe here, since an embedded host's directory may hold anything.

/** Longest display name, in characters (code points). */
export const MAX_NAME_LENGTH = 64;
/** Most combining marks on one character: enough for any script, not for a "Zalgo" tower. */
export const MAX_MARKS_PER_CHARACTER = 4;

// Control characters, bidi overrides/isolates, zero-width and other format characters, lone
// surrogates and private-use code points: none belong in a name shown to other people.
export const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;
const UNPRINTABLE_ALL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu;
export const MARK_STACK = new RegExp(`\\p{M}{${MAX_MARKS_PER_CHARACTER + 1},}`, 'u');
const MARK_STACK_ALL = new RegExp(`(\\p{M}{${MAX_MARKS_PER_CHARACTER}})\\p{M}+`, 'gu');

/**
 * A directory name made fit to show: NFC, invisible and control characters dropped, whitespace
 * collapsed, mark stacks cut, at most `max` characters. Empty when nothing printable is left.
 */
export function cleanName(raw: string, max = MAX_NAME_LENGTH): string {
  const text = raw.normalize('NFC').replace(UNPRINTABLE_ALL, ' ').replace(MARK_STACK_ALL, '$1').replace(/\s+/gu, ' ').trim();
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max).join('').trim() : text;
}

/**
 * What a name looks like to a person, for "is this someone else's name?": compatibility forms
 * folded, marks and case dropped, only letters and digits kept ("Änna  SCHMIDT." ~ "anna schmidt").
 */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
