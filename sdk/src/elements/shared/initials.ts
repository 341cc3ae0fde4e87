/** Up to two initials of a display name ("Anna Schmidt" → "AS"), for avatars. */
export function initials(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}
