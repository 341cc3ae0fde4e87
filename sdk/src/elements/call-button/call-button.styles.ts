import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';

export const callButtonStyles = [
  themeTokens,
  css`
    :host {
      --_size: var(--timio-call-button-size, 1.75em);
      display: inline-flex;
      vertical-align: middle;
      margin-inline: 0.25em;
    }
    /* Shown only while the contact is signed in. */
    :host(:not([status='online']):not([status='busy'])),
    :host([hidden]) {
      display: none;
    }
    button {
      display: inline-grid;
      place-items: center;
      inline-size: var(--_size);
      block-size: var(--_size);
      padding: 0;
      border: 1px solid transparent;
      border-radius: 999px;
      background: var(--timio-call-button-background, var(--_success));
      color: var(--timio-call-button-color, var(--_on-success));
      font: inherit;
      font-size: calc(var(--_size) * 0.55);
      cursor: pointer;
      transition: filter 120ms ease, transform 120ms ease;
    }
    button:hover:not([aria-disabled='true']) {
      filter: brightness(1.1);
    }
    button:active:not([aria-disabled='true']) {
      transform: scale(0.94);
    }
    button:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    button[aria-disabled='true'] {
      background: var(--timio-call-button-busy-background, var(--_muted));
      cursor: not-allowed;
      opacity: 0.75;
    }
    svg {
      inline-size: 1.2em;
      block-size: 1.2em;
    }
    @media (prefers-reduced-motion: reduce) {
      button {
        transition: none;
      }
    }
  `,
];
