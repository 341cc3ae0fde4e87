import { css } from 'lit';
import { srOnly } from '../../../elements/shared/sr-only.js';
import { themeTokens } from '../../../theme/theme.js';
import { textButton } from '../text-button.styles.js';

export const statusOverlayStyles = [
  srOnly,
  themeTokens,
  textButton,
  css`
    :host {
      position: absolute;
      inset: 0;
      display: block;
      pointer-events: none;
      color: var(--_call-color);
      font-family: var(--_font-family);
    }
    .overlay {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 16px;
      padding: 24px;
      text-align: center;
      background: color-mix(in srgb, var(--_call-background) 78%, transparent);
      font-size: 18px;
      pointer-events: auto;
    }
    .spinner {
      width: 36px;
      height: 36px;
      border: 3px solid rgb(255 255 255 / 0.25);
      border-top-color: var(--_call-color);
      border-radius: 50%;
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin {
      to { transform: rotate(360deg); }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner { animation-duration: 3s; }
    }
  `,
];
