// Cache-Control for the files the portal serves as they are: the SDK build at /sdk/ and the
// portal's own /assets/ (docs/embedding.md, "Caching"). A page of the portal must not wait for a
// round trip to a busy server to learn that a script it ran a moment ago is unchanged: a call taken
// over after a page change starts only once the SDK runs.
//  - chunks/<name>-<hash>.js: named by their content, so a name never gets other bytes: for good.
//  - everything else (timio.js, timio-guest.js, timio-history.js: small entries that name the
//    hashed chunks; the portal's CSS and scripts; the effects' files): fresh for 5 minutes, then
//    used as they are while the browser revalidates them in the background (stale-while-revalidate),
//    so no page waits for the check; a new release reaches a tab on its next page after that check.
//    Old chunks must stay on the server beside the new ones for that long (a page may still run the
//    old entry), which open pages already need for the chunks they load later.
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT_THEN_BACKGROUND = 'public, max-age=300, stale-while-revalidate=604800';

const HASHED_CHUNK = /[\\/]chunks[\\/][^\\/]+-[\w-]{8,}\.js(\.map)?$/;

/** The Cache-Control of a file of the SDK's build (its path on disk). */
export function sdkCacheControl(path: string): string {
  return HASHED_CHUNK.test(path) ? IMMUTABLE : SHORT_THEN_BACKGROUND;
}
