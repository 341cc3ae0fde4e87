// Inline icons of the call window (24×24, currentColor), drawn for this project.
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
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
  speaker: icon(svg`<path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16.5 8.5a5 5 0 0 1 0 7"/>`),
  warning: icon(svg`<path d="M12 3l10 18H2z"/><path d="M12 10v5M12 18h.01"/>`),
};
