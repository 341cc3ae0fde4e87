// The on-demand loaders of the call window and the conference. Each fetches its own chunk and the
// session chunk both share (livekit-client comes with the latter) side by side, once, only when
// needed; everything that opens a call window or a conference goes through here.
type CallViews = typeof import('../views/call-window.js');
type ConferenceViews = typeof import('../views/conference.js');

/** A loader that fetches once, and again after a failed fetch (offline). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
}

// Both imports at once: the view's chunk imports the session chunk too, but would name it only
// once it has arrived and been parsed; asked for together, the two load in parallel.
const loadSession = /* @__PURE__ */ once(() => import('../views/session.js'));

export const loadCallViews: () => Promise<CallViews> = /* @__PURE__ */ once(() =>
  Promise.all([import('../views/call-window.js'), loadSession()]).then(([views]) => views));

export const loadConferenceViews: () => Promise<ConferenceViews> = /* @__PURE__ */ once(() =>
  Promise.all([import('../views/conference.js'), loadSession()]).then(([views]) => views));
