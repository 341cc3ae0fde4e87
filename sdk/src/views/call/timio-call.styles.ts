import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';

export const callWindowStyles = [
  themeTokens,
  css`
    :host {
      position: fixed;
      inset: 0;
      padding: var(--_call-inset);
      background: var(--_call-backdrop);
      z-index: var(--_z-index);
      display: block;
      font-family: var(--_font-family);
      color: var(--_call-color);
    }
    :host(:fullscreen) {
      padding: 0;
    }
    /* Docked: a window of its own beside the page (the rest of the page stays usable). */
    :host([shown-mode='docked']:not([ended]):not(:fullscreen)) {
      inset: auto;
      left: var(--_dock-x, auto);
      top: var(--_dock-y, auto);
      right: auto;
      bottom: auto;
      width: var(--_dock-w, 480px);
      height: var(--_dock-h, 380px);
      padding: 0;
      background: none;
    }
    :host([shown-mode='docked']) .window {
      border: 1px solid rgb(255 255 255 / 0.14);
    }
    header.draggable {
      cursor: move;
      touch-action: none;
      user-select: none;
    }
    .grip,
    .mode-toggle {
      flex: none;
      display: grid;
      place-items: center;
      width: 36px;
      height: 36px;
      margin: -4px 0;
      padding: 0;
      border: none;
      border-radius: 8px;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    .grip {
      cursor: move;
      margin-inline-start: -8px;
      color: var(--_call-muted-color);
    }
    .grip svg,
    .mode-toggle svg {
      width: 20px;
      height: 20px;
    }
    .grip:hover,
    .mode-toggle:hover {
      background: rgb(255 255 255 / 0.12);
    }
    .grip:focus-visible,
    .mode-toggle:focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: -3px;
    }
    .resize {
      position: absolute;
      right: 0;
      bottom: 0;
      z-index: 4;
      width: 20px;
      height: 20px;
      cursor: nwse-resize;
      touch-action: none;
      background: linear-gradient(135deg, transparent 50%, rgb(255 255 255 / 0.35) 50%, rgb(255 255 255 / 0.35) 60%, transparent 60%, transparent 72%, rgb(255 255 255 / 0.35) 72%, rgb(255 255 255 / 0.35) 82%, transparent 82%);
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
      background: var(--_call-background);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
      overflow: hidden;
      container-type: inline-size;
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
      min-height: 48px;
      font-size: 15px;
      white-space: nowrap;
    }
    header .name {
      flex: 0 1 auto;
      min-width: 0;
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    header .status {
      flex: none;
      color: var(--_call-muted-color);
      font-variant-numeric: tabular-nums;
    }
    .badges {
      flex: none;
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
      flex: none;
      width: 18px;
      height: 18px;
    }
    .badge.warn {
      background: rgb(209 36 47 / 0.3);
    }
    /* Narrow windows: badges show their icon only; the sentence stays for screen readers. */
    @container (max-width: 760px) {
      header {
        padding: 8px 12px;
        gap: 8px;
      }
      /* The name may take two lines rather than shrink to a few letters. */
      header .name {
        flex: 1 1 auto;
        white-space: normal;
        overflow-wrap: anywhere;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        line-height: 1.25;
      }
      .badges {
        gap: 6px;
      }
      .badge {
        padding: 5px;
      }
      .badge-text {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
    }
    .stage {
      position: relative;
      flex: 1;
      min-height: 0;
      background: #000;
      overflow: hidden;
      /* the options panel fits what it shows to the stage's height */
      container-type: size;
    }
    .main {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    .main.screen {
      --timio-tile-fit: contain;
    }
    /* The own video (and the partner's camera beside a screen share) lie over the main tile's sides:
       its initials and "… turned their camera off" stay in the column between them. */
    .main {
      --_avatar-padding: 8px calc(clamp(96px, 22%, 280px) + 20px);
    }
    .tile {
      position: absolute;
      width: clamp(96px, 22%, 280px);
      aspect-ratio: 16 / 9;
      border-radius: 10px;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.5);
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
    .self:focus-visible {
      box-shadow: 0 0 0 3px var(--_primary);
    }
    .self.top-left { top: 12px; left: 12px; }
    .self.top-right { top: 12px; right: 12px; }
    .self.bottom-left { bottom: 12px; left: 12px; }
    .self.bottom-right { bottom: 12px; right: 12px; }
    @media (prefers-reduced-motion: reduce) {
      .self { transition: none; }
    }
    /* Device settings sit inside the stage: they never cover the control row. */
    .options {
      position: absolute;
      right: 12px;
      bottom: 12px;
      z-index: 2;
      width: min(360px, calc(100% - 24px));
      max-height: calc(100% - 24px);
      display: flex;
      flex-direction: column;
    }
    /* Notices between the stage and the controls (they never cover a video); empty, no room. */
    .toasts {
      flex: none;
      max-height: 45%;
      overflow-y: auto;
      padding: 0 12px;
    }
    .page-notice {
      width: fit-content;
      max-width: 100%;
      margin: 8px auto 0;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 8px 8px 14px;
      border-radius: var(--_radius);
      background: rgb(255 255 255 / 0.1);
      color: #fff;
      font-size: 0.9rem;
    }
    .page-notice-close {
      min-width: 32px;
      min-height: 32px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: inherit;
      font: inherit;
      font-size: 1.2rem;
      cursor: pointer;
    }
    .page-notice-close:focus-visible {
      outline: 2px solid var(--_color-primary, #fff);
    }
    /* After the partner ended the call: a small notice at the bottom that fades; the page is free. */
    :host([ended]) {
      inset: auto 16px 24px 16px;
      padding: 0;
      background: none;
      display: flex;
      justify-content: center;
      pointer-events: none;
    }
    .notice {
      pointer-events: auto;
      display: flex;
      align-items: center;
      gap: 12px;
      max-width: 100%;
      padding: 12px 8px 12px 18px;
      border-radius: var(--_radius);
      background: var(--_call-background);
      box-shadow: var(--_shadow);
      font-size: 15px;
      animation: timio-notice-fade var(--timio-call-notice-duration, 8s) linear forwards;
    }
    /* The notice waits while the person points at it or has focus on it. */
    .notice:hover,
    .notice:focus-within {
      animation-play-state: paused;
    }
    .notice-text {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .notice-text span {
      color: var(--_call-muted-color);
      font-size: 13px;
      overflow-wrap: anywhere;
    }
    .notice-close {
      flex: none;
      display: grid;
      place-items: center;
      width: 44px;
      height: 44px;
      border: none;
      border-radius: 50%;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    .notice-close:hover {
      background: rgb(255 255 255 / 0.12);
    }
    .notice-close:focus-visible {
      outline: 3px solid var(--_primary);
    }
    .notice-close svg {
      width: 20px;
      height: 20px;
    }
    @keyframes timio-notice-fade {
      0%, 85% { opacity: 1; }
      100% { opacity: 0; }
    }
    @media (max-width: 600px) {
      :host {
        padding: 0;
      }
      .window {
        border-radius: 0;
      }
      .tile {
        width: clamp(96px, 30%, 160px);
      }
      .main {
        --_avatar-padding: 8px calc(clamp(96px, 30%, 160px) + 20px);
      }
    }
  `,
];
