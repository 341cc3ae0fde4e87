import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';

export const controlBarStyles = [
  themeTokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
      color: var(--_call-color);
      font-family: var(--_font-family);
    }
    .controls {
      display: flex;
      justify-content: center;
      gap: 12px;
      padding: 14px 8px;
    }
    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .controls button {
      display: grid;
      place-items: center;
      flex: none;
      width: 52px;
      height: 52px;
      border: 0;
      border-radius: 50%;
      background: var(--_call-control);
    }
    .controls button {
      position: relative;
    }
    .badge {
      min-width: 20px;
      height: 20px;
      padding: 0 5px;
      border-radius: 10px;
      background: var(--_danger);
      color: var(--_on-danger);
      font-size: 12px;
      font-weight: 600;
      line-height: 20px;
      text-align: center;
    }
    .controls .badge {
      position: absolute;
      top: -4px;
      right: -4px;
    }
    .controls button:hover {
      background: var(--_call-control-hover);
    }
    button:focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }
    .controls button.toggle-off {
      background: var(--_call-color);
      color: var(--_call-background);
    }
    .controls button.active {
      background: var(--_primary);
      color: var(--_on-primary);
    }
    .controls button.danger {
      width: 68px;
      border-radius: 26px;
      background: var(--_danger);
      color: var(--_on-danger);
    }
    .controls button.danger:hover {
      filter: brightness(0.88);
    }
    .controls button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    .more-wrap {
      position: relative;
      display: flex;
    }
    .menu {
      position: absolute;
      right: 0;
      bottom: calc(100% + 8px);
      z-index: 1;
      min-width: 240px;
      padding: 6px;
      border-radius: 10px;
      background: var(--_call-panel);
      box-shadow: var(--_shadow);
      display: grid;
    }
    .menu button {
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 44px;
      padding: 8px 12px;
      border: 0;
      border-radius: 6px;
      background: transparent;
      text-align: start;
      white-space: nowrap;
    }
    .menu button:hover,
    .menu button:focus-visible {
      background: var(--_call-control);
    }
    .menu button[aria-checked='true'] {
      /* A bar in the accent colour marks it; accent text on the panel is too faint to read. */
      box-shadow: inset 4px 0 0 var(--_primary);
      font-weight: 600;
    }
    /* Below 640 px (a panel beside a chat, a phone): 44 px controls, the size of a finger, so that a
       moderator's ten fit a 575 px panel in one row as a member's nine do. */
    @container (max-width: 639px) {
      .controls {
        gap: 8px;
        padding: 10px 8px;
      }
      .controls button {
        width: 44px;
        height: 44px;
      }
      .controls button.danger {
        width: 56px;
      }
    }
  `,
];
