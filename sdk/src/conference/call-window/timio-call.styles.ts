import { css } from 'lit';

export const callWindowStyles = css`
  :host {
    --_bg: var(--timio-call-background, #14171c);
    --_fg: var(--timio-call-color, #f4f6f8);
    --_muted: var(--timio-call-muted-color, #aab2bd);
    --_accent: var(--timio-color-primary, #1f6feb);
    --_danger: var(--timio-color-danger, #d1242f);
    --_radius: var(--timio-radius, 12px);
    --_font: var(--timio-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    position: fixed;
    inset: 0;
    padding: var(--timio-call-inset, 24px);
    background: var(--timio-call-backdrop, rgb(10 14 20 / 0.55));
    z-index: var(--timio-call-z-index, 2147483000);
    display: block;
    font-family: var(--_font);
    color: var(--_fg);
  }
  :host(:fullscreen) {
    padding: 0;
  }
  * {
    box-sizing: border-box;
  }
  .window {
    position: relative;
    display: flex;
    flex-direction: column;
    width: 100%;
    height: 100%;
    background: var(--_bg);
    border-radius: var(--_radius);
    box-shadow: 0 12px 48px rgb(0 0 0 / 0.45);
    overflow: hidden;
  }
  .window:focus {
    outline: none;
  }
  :host(:fullscreen) .window {
    border-radius: 0;
  }
  header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 10px 16px;
    font-size: 15px;
    min-height: 48px;
  }
  header .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  header .status {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  header .badges {
    margin-inline-start: auto;
    display: flex;
    gap: 8px;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 3px 10px 3px 6px;
    border-radius: 999px;
    background: rgb(255 255 255 / 0.1);
    font-size: 13px;
  }
  .badge svg {
    width: 18px;
    height: 18px;
  }
  .badge.warn {
    background: rgb(209 36 47 / 0.25);
  }
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
    background: #000;
    overflow: hidden;
  }
  .stage > video.main {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .stage > video.main.screen {
    object-fit: contain;
  }
  .avatar {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 14px;
    color: var(--_muted);
    font-size: 15px;
  }
  .initials {
    display: grid;
    place-items: center;
    width: 112px;
    height: 112px;
    border-radius: 50%;
    background: #2d3440;
    color: var(--_fg);
    font-size: 40px;
    font-weight: 600;
  }
  .tile {
    position: absolute;
    width: clamp(120px, 22%, 280px);
    aspect-ratio: 16 / 9;
    border-radius: 10px;
    overflow: hidden;
    background: #252b35;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.5);
  }
  .tile video {
    width: 100%;
    height: 100%;
    object-fit: cover;
    display: block;
  }
  .tile .off {
    display: grid;
    place-items: center;
    height: 100%;
    padding: 6px;
    text-align: center;
    color: var(--_muted);
    font-size: 13px;
  }
  .partner-camera {
    top: 12px;
    left: 12px;
  }
  .self {
    cursor: grab;
    touch-action: none;
    outline: none;
    transition: top 0.15s, left 0.15s, right 0.15s, bottom 0.15s;
  }
  .self.dragging {
    cursor: grabbing;
    transition: none;
  }
  .self:focus-visible {
    box-shadow: 0 0 0 3px var(--_accent);
  }
  .self video {
    transform: scaleX(-1);
  }
  .self.top-left { top: 12px; left: 12px; }
  .self.top-right { top: 12px; right: 12px; }
  .self.bottom-left { bottom: 12px; left: 12px; }
  .self.bottom-right { bottom: 12px; right: 12px; }
  .overlay {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    justify-items: center;
    gap: 16px;
    padding: 24px;
    text-align: center;
    background: rgb(20 23 28 / 0.72);
    font-size: 18px;
  }
  .spinner {
    width: 36px;
    height: 36px;
    border: 3px solid rgb(255 255 255 / 0.25);
    border-top-color: var(--_fg);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to { transform: rotate(360deg); }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner { animation-duration: 3s; }
    .self { transition: none; }
  }
  .problems {
    position: absolute;
    left: 50%;
    top: 12px;
    transform: translateX(-50%);
    display: grid;
    gap: 8px;
    width: min(560px, calc(100% - 24px));
  }
  .problem {
    display: flex;
    gap: 10px;
    align-items: center;
    padding: 10px 14px;
    border-radius: 8px;
    background: #4a1d21;
    font-size: 14px;
  }
  .problem svg {
    flex: none;
  }
  .controls {
    display: flex;
    justify-content: center;
    flex-wrap: wrap;
    gap: 12px;
    padding: 14px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .controls button {
    display: grid;
    place-items: center;
    width: 52px;
    height: 52px;
    border: 0;
    border-radius: 50%;
    background: #2d3440;
    cursor: pointer;
  }
  .controls button:hover {
    background: #3a4351;
  }
  .controls button:focus-visible,
  .text-button:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .controls button[aria-pressed='true'].toggle-off {
    background: #f4f6f8;
    color: #14171c;
  }
  .controls button.active {
    background: var(--_accent);
  }
  .controls button.end {
    width: 68px;
    border-radius: 26px;
    background: var(--_danger);
  }
  .controls button.end:hover {
    background: #b01e28;
  }
  .controls button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .text-button {
    padding: 8px 16px;
    border-radius: 8px;
    border: 1px solid rgb(255 255 255 / 0.35);
    background: transparent;
    cursor: pointer;
  }
  .text-button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .options {
    position: absolute;
    right: 16px;
    bottom: 84px;
    width: min(360px, calc(100% - 32px));
    max-height: calc(100% - 148px);
    overflow: auto;
    padding: 16px;
    border-radius: 10px;
    background: #222831;
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.5);
    display: grid;
    gap: 14px;
  }
  .options h2 {
    margin: 0;
    font-size: 16px;
  }
  .options .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  .options .head button {
    border: 0;
    background: transparent;
    cursor: pointer;
    padding: 4px;
    border-radius: 6px;
  }
  .options label {
    display: grid;
    gap: 6px;
    font-size: 13px;
    color: var(--_muted);
  }
  select {
    width: 100%;
    padding: 7px 8px;
    border-radius: 6px;
    border: 1px solid #4a5363;
    background: #14171c;
    color: var(--_fg);
    font: inherit;
    font-size: 14px;
  }
  .preview {
    width: 100%;
    aspect-ratio: 16 / 9;
    border-radius: 8px;
    background: #000;
    object-fit: cover;
    transform: scaleX(-1);
  }
  .meter {
    height: 8px;
    border-radius: 4px;
    background: #14171c;
    overflow: hidden;
  }
  .meter > div {
    height: 100%;
    background: #2ea043;
    transition: width 0.05s linear;
  }
  .hint {
    font-size: 12px;
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
