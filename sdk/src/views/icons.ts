// Inline icons of the call and conference views (24×24, currentColor), drawn for this project.
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const icons = {
  camera: icon(svg`<rect x="2" y="6" width="13" height="12" rx="2"/><path d="M15 10l6-3v10l-6-3z"/>`),
  cameraOff: icon(svg`<rect x="2" y="6" width="13" height="12" rx="2"/><path d="M15 10l6-3v10l-6-3z"/><path d="M3 3l18 18"/>`),
  mic: icon(svg`<rect x="9" y="2" width="6" height="12" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v4"/>`),
  micOff: icon(svg`<rect x="9" y="2" width="6" height="12" rx="3"/><path d="M5 11a7 7 0 0 0 14 0M12 18v4"/><path d="M3 3l18 18"/>`),
  screen: icon(svg`<rect x="2" y="4" width="20" height="13" rx="2"/><path d="M8 21h8M12 17v4M12 14V8M9 11l3-3 3 3"/>`),
  fullscreen: icon(svg`<path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"/>`),
  fullscreenExit: icon(svg`<path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5"/>`),
  hangUp: icon(svg`<path d="M3 15.5c5-4.7 13-4.7 18 0l-2.2 2.3-3.6-1.6v-2.6a11 11 0 0 0-6.4 0v2.6l-3.6 1.6z" fill="currentColor"/>`),
  more: icon(svg`<circle cx="5" cy="12" r="1.5" fill="currentColor"/><circle cx="12" cy="12" r="1.5" fill="currentColor"/><circle cx="19" cy="12" r="1.5" fill="currentColor"/>`),
  addPerson: icon(svg`<circle cx="10" cy="8" r="4"/><path d="M2 21a8 8 0 0 1 16 0M19 8v6M16 11h6"/>`),
  person: icon(svg`<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
  speaker: icon(svg`<path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16.5 8.5a5 5 0 0 1 0 7"/>`),
  hand: icon(svg`<path d="M8 13V5.5a1.5 1.5 0 0 1 3 0V12M11 11V4.5a1.5 1.5 0 0 1 3 0V12M14 11.5v-6a1.5 1.5 0 0 1 3 0V15a6 6 0 0 1-6 6h-.5a6 6 0 0 1-4.8-2.4L3.5 15.3a1.6 1.6 0 0 1 2.5-2L8 15.5"/>`),
  chat: icon(svg`<path d="M4 5h16v11H9l-5 4z"/>`),
  people: icon(svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.6a3.5 3.5 0 0 1 0 6.8M18.5 14a6.5 6.5 0 0 1 3 6"/>`),
  grid: icon(svg`<rect x="3" y="3" width="8" height="8" rx="1"/><rect x="13" y="3" width="8" height="8" rx="1"/><rect x="3" y="13" width="8" height="8" rx="1"/><rect x="13" y="13" width="8" height="8" rx="1"/>`),
  signal: icon(svg`<path d="M4 20v-3M9 20v-7M14 20V9M19 20V4"/>`),
  leave: icon(svg`<path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10"/>`),
  settings: icon(svg`<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1"/>`),
  speakerView: icon(svg`<rect x="3" y="3" width="18" height="12" rx="1"/><rect x="3" y="17" width="5" height="4" rx="1"/><rect x="9.5" y="17" width="5" height="4" rx="1"/><rect x="16" y="17" width="5" height="4" rx="1"/>`),
  endAll: icon(svg`<path d="M12 3v8"/><path d="M6.3 6.3a8 8 0 1 0 11.4 0"/>`),
  send: icon(svg`<path d="M3 11l18-8-8 18-2-8z"/>`),
  grip: icon(svg`<circle cx="9" cy="6" r="1.2" fill="currentColor"/><circle cx="15" cy="6" r="1.2" fill="currentColor"/><circle cx="9" cy="12" r="1.2" fill="currentColor"/><circle cx="15" cy="12" r="1.2" fill="currentColor"/><circle cx="9" cy="18" r="1.2" fill="currentColor"/><circle cx="15" cy="18" r="1.2" fill="currentColor"/>`),
  maximize: icon(svg`<rect x="4" y="4" width="16" height="16" rx="2"/>`),
  restore: icon(svg`<rect x="4" y="9" width="11" height="11" rx="2"/><path d="M9 5h8a2 2 0 0 1 2 2v8"/>`),
  warning: icon(svg`<path d="M12 3l10 18H2z"/><path d="M12 10v5M12 18h.01"/>`),
};
