// The one on-demand loader of the session + views chunk (livekit-client and every call and
// conference view). Everything that opens a call window or conference goes through it, so the
// chunk is fetched once, only when needed.
type Views = typeof import('../views/index.js');

let loading: Promise<Views> | undefined;

export function loadViews(): Promise<Views> {
  loading ??= import('../views/index.js').catch((err: unknown) => {
    loading = undefined; // a failed fetch (offline) may be tried again
    throw err;
  });
  return loading;
}
