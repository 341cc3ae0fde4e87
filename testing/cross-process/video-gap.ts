// The longest time a person's video stood still on a page, measured in the page: every 20 ms the
// painted-frame counters of all <video> elements that show that person's camera (any element: the
// call window's and then the conference's, which replaces it) are read; a counter that moved is a
// new frame. Sampled by the person's identity, never by one element, so a hand-over from one view
// to another counts as the gap it is on screen. Kept as source text: tsx would wrap named
// functions in a `__name` helper the page lacks.

/** Starts the watch on the page for `identity`'s camera (window.__videoGap). */
export const startVideoGapWatch = (identity: string): (() => void) => new Function(`return () => {
  const who = ${JSON.stringify(identity)};
  const counts = new WeakMap();
  const state = { since: performance.now(), last: performance.now(), maxGap: 0, frames: 0, elements: new Set() };
  const videos = (root, out) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.tagName === 'TIMIO-VIDEO-TILE' && el.participant && el.participant.identity === who && (el.getAttribute('source') || 'camera') === 'camera') {
        const v = el.shadowRoot && el.shadowRoot.querySelector('video');
        if (v) out.push(v);
      }
      if (el.shadowRoot) videos(el.shadowRoot, out);
    }
    return out;
  };
  const read = (v) => ('mozPaintedFrames' in v ? v.mozPaintedFrames : v.getVideoPlaybackQuality().totalVideoFrames);
  const tick = () => {
    const now = performance.now();
    let moved = false;
    for (const v of videos(document, [])) {
      state.elements.add(v);
      const n = read(v);
      if (counts.has(v) && n > counts.get(v) && v.videoWidth > 0) moved = true;
      counts.set(v, n);
    }
    if (moved) {
      state.maxGap = Math.max(state.maxGap, now - state.last);
      state.last = now;
      state.frames++;
    }
  };
  state.timer = setInterval(tick, 20);
  window.__videoGap = state;
}`)() as () => void;

export interface VideoGap { maxGapMs: number; frames: number; elements: number; watchedMs: number }

/** Stops the watch and says the longest gap (the time since the last frame counts as one too). */
export const stopVideoGapWatch = new Function(`return () => {
  const s = window.__videoGap;
  clearInterval(s.timer);
  const now = performance.now();
  return { maxGapMs: Math.round(Math.max(s.maxGap, now - s.last)), frames: s.frames, elements: s.elements.size, watchedMs: Math.round(now - s.since) };
}`)() as () => VideoGap;

/** How many remote voices the page plays now: session <audio> elements playing a live track. */
export const playingVoices = new Function(`return () => [...document.querySelectorAll('audio')].filter((a) =>
  !a.paused && a.srcObject && a.srcObject.getAudioTracks().some((t) => t.readyState === 'live' && !t.muted)).length`)() as () => number;
