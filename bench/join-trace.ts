// Timestamps of one join inside the page (bench/join with JOIN_TRACE=1): when the signalling
// socket opened and first answered, when each peer connection was made, got its remote offer and
// connected, when the first remote track arrived, when <timio-conference> reached `in`. A plain
// script (no helpers of the bench's transpiler in the page), installed before the page's own code.
export const TRACE_SCRIPT = `(() => {
  const t = (window.__trace = { marks: [] });
  const mark = (what) => t.marks.push([what, performance.now()]);
  window.__mark = mark;
  const WS = window.WebSocket;
  window.WebSocket = class extends WS {
    constructor(url, protocols) {
      super(url, protocols);
      if (!String(url).includes('/rtc')) return;
      mark('signal socket created');
      this.addEventListener('open', () => mark('signal socket open'));
      let first = true;
      this.addEventListener('message', () => { if (first) { first = false; mark('first signal message'); } });
    }
  };
  const PC = window.RTCPeerConnection;
  let n = 0;
  window.RTCPeerConnection = class extends PC {
    constructor(config) {
      super(config);
      const id = ++n;
      mark('pc' + id + ' created');
      const srd = this.setRemoteDescription.bind(this);
      this.setRemoteDescription = (d) => { mark('pc' + id + ' remote ' + (d && d.type)); return srd(d); };
      this.addEventListener('connectionstatechange', () => { if (this.connectionState === 'connected') mark('pc' + id + ' connected'); });
      this.addEventListener('track', (e) => mark('pc' + id + ' track ' + e.track.kind));
    }
  };
  const watch = () => {
    const el = document.querySelector('timio-conference');
    if (!el) return;
    let last = el.getAttribute('phase');
    new MutationObserver(() => { const p = el.getAttribute('phase'); if (p !== last) { last = p; mark('conference ' + p); } }).observe(el, { attributes: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch); else watch();
})()`;

/** The page's marks relative to `from` (a performance.now() of the page), as "what +ms" lines. */
export function formatTrace(marks: Array<[string, number]>, from: number): string {
  return marks.filter(([, at]) => at >= from).map(([what, at]) => `${what} +${Math.round(at - from)}`).join(', ');
}
