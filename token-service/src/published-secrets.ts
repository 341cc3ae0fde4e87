// Secret values anyone can read: the demo's (scripts/start.ts, the README, docs/), the dev media
// server's LiveKit key/secret pair, and placeholders meant to be replaced. A deployment using one is
// open to everyone who has read them (a portal token signed with the demo secret is a moderator),
// so NODE_ENV=production refuses them whatever their length.
const PUBLISHED: ReadonlySet<string> = new Set([
  'timio-demo-portal-secret-change-me',
  'timio-demo-directory-secret-change-me',
  // The dev media server's pair (`--keys "devkey: secret"`), also LiveKit's own `--dev` pair.
  'devkey',
  'secret',
]);

/** A placeholder left in: "change-me", "changeme", "change_me" anywhere in the value. */
const PLACEHOLDER = /change[-_ ]?me/i;

export function isPublishedSecret(value: string): boolean {
  return PUBLISHED.has(value) || PLACEHOLDER.test(value);
}
