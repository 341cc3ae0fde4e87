import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';

export const contactStyles = [
  themeTokens,
  css`
    :host {
      display: inline;
    }
    .trigger {
      border-radius: 4px;
      cursor: pointer;
    }
    :host([keep-click]) .trigger {
      cursor: inherit;
    }
    .trigger:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    .panel {
      position: fixed;
      inset: auto;
      margin: 0;
      /* Its own width wherever it opens (not the room left of the viewport's edge): keepInside then slides it. */
      inline-size: max-content;
      min-inline-size: 13rem;
      max-inline-size: min(22rem, calc(100vw - 16px));
      padding: 0.35rem;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.75);
      background: var(--timio-contact-menu-background, var(--_surface));
      color: var(--_on-surface);
      box-shadow: var(--_shadow);
      font-family: var(--_font-family);
      font-size: 0.9375rem;
      line-height: 1.35;
      /* The page's styles for the name (often nowrap, so a long name ends in an ellipsis) reach in
         by inheritance; the menu's note wraps inside the menu whatever the name does. */
      white-space: normal;
      z-index: var(--_z-index);
    }
    .panel:not(:popover-open):not(.open) {
      display: none;
    }
    .header {
      display: grid;
      gap: 0.1rem;
      padding: 0.45rem 0.65rem 0.5rem;
      border-block-end: 1px solid var(--_border);
      margin-block-end: 0.3rem;
    }
    .header.alone {
      border: 0;
      margin: 0;
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 0.4em;
      color: var(--_muted);
      font-size: 0.8125rem;
    }
    .dot {
      inline-size: 0.55em;
      block-size: 0.55em;
      border-radius: 50%;
      background: var(--_muted);
    }
    .dot.online {
      background: var(--_success);
    }
    .dot.busy {
      background: var(--_danger);
    }
    .note {
      margin: 0;
      padding: 0.3rem 0.65rem 0.45rem;
      max-inline-size: 18rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    [role='menu'] {
      display: grid;
    }
    .item,
    ::slotted(*) {
      display: flex;
      align-items: center;
      gap: 0.6em;
      inline-size: 100%;
      box-sizing: border-box;
      padding: 0.5rem 0.65rem;
      border: 0;
      border-radius: 6px;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      text-decoration: none;
      cursor: pointer;
    }
    .item:hover,
    .item:focus-visible,
    ::slotted(:hover),
    ::slotted(:focus-visible) {
      background: var(--_hover);
      outline: none;
    }
    .item:focus-visible,
    ::slotted(:focus-visible) {
      box-shadow: inset 0 0 0 2px var(--_primary);
    }
    .item[aria-disabled='true'] {
      color: var(--_muted);
      cursor: not-allowed;
    }
    .item .icon {
      display: inline-grid;
      place-items: center;
      color: var(--_success);
      font-size: 1.2em;
    }
    .item[aria-disabled='true'] .icon {
      color: var(--_muted);
    }
  `,
];
