// Where a page's time goes, for the benches' TRACE modes (join, page-change): installed before the
// page's own code, it notes in epoch ms when the LiveKit and realtime sockets open and first answer,
// when each peer connection is made, gets its remote description, changes state and receives a
// track, when the camera starts and when <timio-conference> changes phase; marks the page before
// left (its click, beforeunload, pagehide) come along to the next page. A plain script (no helpers
// of the bench's transpiler in the page).
import type { Page } from 'playwright-core';

/**
 * In-page source that calls `onSet(video, stream)` after a stream is set as a <video>'s srcObject
 * (`onSet` as source text); several of these chain, each wrapping the one before.
 */
export function onVideoSource(onSet: string): string {
  return `(() => {
    const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
    const onSet = ${onSet};
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
      configurable: true,
      get() { return srcObject.get.call(this); },
      set(v) {
        srcObject.set.call(this, v);
        if (this instanceof HTMLVideoElement && v) onSet(this, v);
      },
    });
  })();`;
}

export const PAGE_TRACE = `(() => {
  if (window.__marks) return;
  const marks = [];
  window.__marks = marks;
  const mark = (name) => marks.push([name, Date.now()]);
  const WS = window.WebSocket;
  window.WebSocket = class extends WS {
    constructor(url, protocols) {
      super(url, protocols);
      const kind = String(url).includes('/rtc') ? 'livekit-ws' : 'realtime-ws';
      mark(kind + ' new');
      this.addEventListener('open', () => mark(kind + ' open'));
      let first = true;
      this.addEventListener('message', () => { if (first) { first = false; mark(kind + ' first message'); } });
    }
  };
  // fetch() calls as the page makes them (a resource entry of a cross-origin request starts only
  // after its CORS preflight).
  const fetchOf = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = String(input && input.url ? input.url : input);
    if (!url.includes('/sdk/')) mark('fetch ' + new URL(url, location.href).pathname + ' called');
    return fetchOf(input, init);
  };
  const PC = window.RTCPeerConnection;
  let count = 0;
  window.RTCPeerConnection = class extends PC {
    constructor(config) {
      super(config);
      const n = ++count;
      mark('pc' + n + ' new');
      const srd = this.setRemoteDescription.bind(this);
      this.setRemoteDescription = (d) => { mark('pc' + n + ' remote ' + (d && d.type)); return srd(d); };
      this.addEventListener('connectionstatechange', () => mark('pc' + n + ' ' + this.connectionState));
      this.addEventListener('track', (e) => mark('pc' + n + ' track ' + e.track.kind));
      // Each inbound video: its first packet, first decoded frame (with the keyframe requests sent
      // until then), polled every 25 ms while any is still waiting.
      const seen = new Map();
      const poll = setInterval(() => {
        if (this.connectionState === 'closed') { clearInterval(poll); return; }
        this.getStats().then((stats) => stats.forEach((r) => {
          if (r.type !== 'inbound-rtp' || r.kind !== 'video') return;
          const s = seen.get(r.id) || { packets: false, decoded: false };
          seen.set(r.id, s);
          const tag = 'pc' + n + ' video ' + (r.trackIdentifier || r.id).slice(0, 6);
          if (!s.packets && r.packetsReceived > 0) { s.packets = true; mark(tag + ' first packet'); }
          if (!s.decoded && r.framesDecoded > 0) { s.decoded = true; mark(tag + ' first frame decoded (keyframes ' + r.keyFramesDecoded + ', PLI sent ' + r.pliCount + ', FIR ' + r.firCount + ')'); }
        }), () => undefined);
      }, 25);
    }
  };
  // Video elements: when a stream is attached and when they paint their first frame.
  ${onVideoSource(`(video, v) => {
    const tag = 'video ' + (video.dataset.track || video.dataset.key || '') + ' ' + ((v.getVideoTracks && v.getVideoTracks()[0] && v.getVideoTracks()[0].id) || '').slice(0, 6);
    mark(tag + ' attached');
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(() => mark(tag + ' first frame painted'));
  }`)}
  // Frames whose main-thread work took over 50 ms, with the scripts that took longest in them: a
  // busy main thread delays every socket and peer-connection event above.
  if (typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes || []).includes('long-animation-frame')) {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => {
      const scripts = (e.scripts || []).slice().sort((a, b) => b.duration - a.duration).slice(0, 3)
        .map((s) => Math.round(s.duration) + ' ms ' + (s.invoker || s.invokerType) + ' ' + String(s.sourceURL || '').split('/').pop() + (s.sourceFunctionName ? ' ' + s.sourceFunctionName : ''));
      marks.push(['long frame ' + Math.round(e.duration) + ' ms (blocking ' + Math.round(e.blockingDuration) + ' ms, style+layout ' + Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0) + ' ms)' + (scripts.length ? ': ' + scripts.join('; ') : ''), Math.round(performance.timeOrigin + e.startTime)]);
    })).observe({ type: 'long-animation-frame', buffered: true });
  }
  const media = navigator.mediaDevices;
  const gum = media.getUserMedia.bind(media);
  media.getUserMedia = async (c) => { mark('getUserMedia ' + Object.keys(c || {}).join('+')); const s = await gum(c); mark('getUserMedia done'); return s; };
  const watchConference = () => {
    mark('DOMContentLoaded');
    const el = document.querySelector('timio-conference');
    if (!el) return;
    let last = el.getAttribute('phase');
    new MutationObserver(() => { const p = el.getAttribute('phase'); if (p !== last) { last = p; mark('conference ' + p); } }).observe(el, { attributes: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchConference); else watchConference();
  for (const m of JSON.parse(sessionStorage.getItem('__previous') || '[]')) marks.push(['previous page: ' + m[0], m[1]]);
  sessionStorage.removeItem('__previous');
  const previous = [];
  const keep = (name) => { previous.push([name, Date.now()]); sessionStorage.setItem('__previous', JSON.stringify(previous)); };
  // The last click before the unload is the one that navigated.
  document.addEventListener('click', () => keep('click'), true);
  addEventListener('beforeunload', () => keep('beforeunload'), true);
  addEventListener('pagehide', () => keep('pagehide'), true);
})()`;

/** The page's marks as [what, epoch ms] (empty before PAGE_TRACE ran). */
export async function pageMarks(page: Page): Promise<Array<[string, number]>> {
  return (await page.evaluate('window.__marks || []')) as Array<[string, number]>;
}

/**
 * The page's marks since `since` (epoch ms), with its start and the resource timings of scripts
 * and token requests, as "  +ms what" lines in time order.
 */
export async function traceOf(page: Page, since: number): Promise<string> {
  const { origin, resources } = (await page.evaluate(`({
    origin: performance.timeOrigin,
    resources: performance.getEntriesByType('resource').map((e) => [e.name, e.startTime, e.responseEnd]),
  })`)) as { origin: number; resources: Array<[string, number, number]> };
  const rows: Array<[string, number]> = [['page start', origin], ...(await pageMarks(page))];
  for (const [name, start, end] of resources) {
    const path = new URL(name).pathname;
    if (!/\.js$|\.css$|\/v1\/|portal-token|token/.test(path)) continue;
    rows.push([`${path} requested`, origin + start], [`${path} loaded`, origin + end]);
  }
  return rows.filter(([, at]) => at >= since - 50).sort((a, b) => a[1] - b[1]).map(([what, at]) => `${String(Math.round(at - since)).padStart(6)} ${what}`).join('\n');
}
