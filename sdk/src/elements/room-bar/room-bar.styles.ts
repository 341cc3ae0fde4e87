import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';
import { srOnly } from '../shared/sr-only.js';

export const roomBarStyles = [
  themeTokens,
  srOnly,
  css`
    :host {
      --_avatar: var(--timio-room-bar-avatar-size, 1.9em);
      display: inline-block;
      font-family: var(--_font-family);
      color: var(--timio-room-bar-color, inherit);
    }
    :host([hidden]) {
      display: none;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 0.6em;
      flex-wrap: wrap;
    }
    .state {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      font-size: 0.9em;
    }
    .dot {
      inline-size: 0.6em;
      block-size: 0.6em;
      border-radius: 50%;
      background: var(--_muted);
    }
    :host([running]) .dot {
      background: var(--timio-room-bar-live-color, var(--_success));
    }
    ul {
      display: inline-flex;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: inline-grid;
      place-items: center;
      inline-size: var(--_avatar);
      block-size: var(--_avatar);
      margin-inline-start: -0.35em;
      border: 2px solid var(--timio-room-bar-background, var(--_surface));
      border-radius: 50%;
      background: var(--_primary);
      color: var(--_on-primary);
      font-size: 0.75em;
      font-weight: 600;
    }
    li:first-child {
      margin-inline-start: 0;
    }
    li.more {
      /* "+20" does not fit a circle: a pill at least as wide as an avatar */
      inline-size: auto;
      min-inline-size: var(--_avatar);
      padding-inline: 0.3em;
      box-sizing: border-box;
      border-radius: 999px;
      background: var(--_muted);
    }
    .next {
      font-size: 0.85em;
      color: var(--_muted);
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      padding: 0.35em 0.8em;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_surface);
      color: var(--_on-surface);
      font: inherit;
      font-size: 0.9em;
      cursor: pointer;
    }
    button.primary {
      border-color: transparent;
      background: var(--timio-room-bar-join-background, var(--_success));
      color: var(--_on-success);
    }
    button:hover {
      filter: brightness(1.06);
    }
    button:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: default;
    }
    svg {
      inline-size: 1.1em;
      block-size: 1.1em;
    }
    .message {
      font-size: 0.85em;
    }
  `,
];
