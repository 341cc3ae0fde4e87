import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';
import { srOnly } from '../shared/sr-only.js';

export const notificationsStyles = [
  themeTokens,
  srOnly,
  css`
    :host {
      --_inset: var(--timio-notifications-inset, 16px);
      --_width: var(--timio-notifications-width, 22rem);
      position: fixed;
      inset-block-end: var(--_inset);
      inset-inline-end: var(--_inset);
      /* Above the call window, so an invitation that arrives during a call is seen. */
      z-index: calc(var(--_z-index) + 1);
      display: block;
      font-family: var(--_font-family);
      font-size: 0.9375rem;
      line-height: 1.4;
      pointer-events: none;
    }
    .stack {
      display: grid;
      gap: 0.75rem;
      inline-size: min(var(--_width), calc(100vw - 2 * var(--_inset)));
    }
    .popup {
      pointer-events: auto;
      display: grid;
      grid-template-columns: auto 1fr auto;
      gap: 0.75rem 0.85rem;
      align-items: center;
      padding: 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--timio-notifications-background, var(--_surface));
      color: var(--_on-surface);
      box-shadow: var(--_shadow);
      animation: timio-enter 180ms ease-out;
    }
    .popup.incoming,
    .popup.ring {
      border-block-start: 4px solid var(--_primary);
    }
    .avatar {
      display: grid;
      place-items: center;
      inline-size: 2.75rem;
      block-size: 2.75rem;
      border-radius: 50%;
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 600;
      letter-spacing: 0.02em;
    }
    .incoming .avatar {
      animation: timio-pulse 1.6s ease-out infinite;
    }
    .text {
      min-inline-size: 0;
      display: grid;
      gap: 0.15rem;
    }
    .title {
      margin: 0;
      color: var(--_muted);
      font-size: 0.8125rem;
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .message {
      margin: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .ring .message {
      font-weight: 400;
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      gap: 0.5rem;
      justify-content: flex-end;
      align-items: center;
    }
    button {
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
      min-block-size: 2.25rem;
      padding: 0 0.9rem;
      border: 1px solid var(--_border);
      border-radius: 999px;
      background: var(--_surface);
      color: var(--_on-surface);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button:hover:not(:disabled) {
      background: var(--_hover);
    }
    button:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    button:disabled {
      opacity: 0.6;
      cursor: progress;
    }
    button.accept {
      border-color: transparent;
      background: var(--_success);
      color: var(--_on-success);
    }
    button.decline {
      border-color: transparent;
      background: var(--_danger);
      color: var(--_on-danger);
    }
    button.accept:hover:not(:disabled) {
      background: var(--_success);
      filter: brightness(1.1);
    }
    button.decline:hover:not(:disabled) {
      background: var(--_danger);
      filter: brightness(1.1);
    }
    button.icon {
      align-self: start;
      padding: 0;
      inline-size: 2rem;
      min-block-size: 2rem;
      border-color: transparent;
      color: var(--_muted);
      font-size: 1.05rem;
    }
    svg {
      inline-size: 1.15em;
      block-size: 1.15em;
    }
    .outgoing .text,
    .error .message {
      grid-column: 2 / -1;
    }
    .error .avatar {
      background: var(--_danger);
      color: var(--_on-danger);
    }
    @keyframes timio-enter {
      from {
        opacity: 0;
        transform: translateY(12px);
      }
    }
    @keyframes timio-pulse {
      0% {
        box-shadow: 0 0 0 0 color-mix(in srgb, var(--_primary) 55%, transparent);
      }
      100% {
        box-shadow: 0 0 0 14px transparent;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .popup,
      .incoming .avatar {
        animation: none;
      }
    }
  `,
];
