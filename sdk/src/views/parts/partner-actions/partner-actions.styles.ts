import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';

export const partnerActionsStyles = [
  themeTokens,
  css`
    :host {
      position: relative;
      display: inline-flex;
      flex: none;
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 4px 10px 4px 6px;
      border: none;
      border-radius: 999px;
      background: rgb(255 255 255 / 0.1);
      color: inherit;
      font: inherit;
      font-size: 13px;
      cursor: pointer;
    }
    .toggle:hover,
    .toggle[aria-expanded='true'] {
      background: rgb(255 255 255 / 0.2);
    }
    .toggle:focus-visible,
    .item:focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: 1px;
    }
    svg {
      flex: none;
      width: 18px;
      height: 18px;
    }
    .menu {
      position: absolute;
      top: calc(100% + 6px);
      left: 0;
      z-index: 3;
      min-width: 200px;
      padding: 4px;
      display: flex;
      flex-direction: column;
      background: var(--_surface);
      color: var(--_on-surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
    }
    .menu[hidden] {
      display: none;
    }
    .item {
      display: block;
      padding: 8px 12px;
      border: none;
      border-radius: 6px;
      background: none;
      color: inherit;
      font: inherit;
      font-size: 14px;
      text-align: start;
      text-decoration: none;
      white-space: nowrap;
      cursor: pointer;
    }
    .item:hover,
    .item:focus {
      background: var(--_hover);
    }
    /* Narrow windows: the button shows its icon only (its name stays for screen readers). */
    @container (max-width: 760px) {
      .toggle {
        padding: 5px;
      }
      .text {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
    }
  `,
];
