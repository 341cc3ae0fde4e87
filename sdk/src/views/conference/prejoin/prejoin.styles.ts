import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';
import { buttonStyles } from '../shared.styles.js';

export const prejoinStyles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
      color: var(--_call-color);
      background: var(--_call-background);
      font-family: var(--_font-family);
    }
    .prejoin {
      display: grid;
      gap: 14px;
      /* narrow enough that preview, devices and the moderator's choice fit a panel beside the chat */
      max-width: 460px;
      margin: 0 auto;
      padding: 16px;
    }
    h2 {
      margin: 0;
      font-size: 20px;
    }
    .preview {
      /* stays in view while the devices and "Ton und Hintergrund" scroll beneath it: a chosen
         background shows at once in a panel too short for both */
      position: sticky;
      top: 0;
      z-index: 1;
      aspect-ratio: 16 / 9;
      border-radius: 12px;
      overflow: hidden;
      background: var(--_call-control);
      display: grid;
      place-items: center;
    }
    video {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .mirror {
      transform: scaleX(-1);
    }
    .off {
      display: grid;
      justify-items: center;
      gap: 6px;
      color: var(--_call-muted-color);
    }
    .toggles {
      position: absolute;
      bottom: 10px;
      left: 0;
      right: 0;
      display: flex;
      justify-content: center;
      gap: 12px;
    }
    .toggle {
      width: 48px;
      height: 48px;
      border-radius: 50%;
      border: 0;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 0.55);
    }
    .toggle.off {
      background: var(--_danger);
      color: var(--_on-danger);
    }
    .devices {
      display: grid;
      gap: 10px;
    }
    .effects-more summary {
      cursor: pointer;
      padding: 4px 0;
    }
    .effects-more summary:focus-visible {
      outline: 3px solid var(--_primary, currentColor);
      outline-offset: 2px;
    }
    .device {
      display: grid;
      gap: 4px;
      font-size: 14px;
    }
    .meter {
      height: 8px;
      border-radius: 4px;
      background: var(--_call-control);
      overflow: hidden;
    }
    .meter > div {
      height: 100%;
      background: var(--_success);
      transition: width 80ms linear;
    }
    .moderator {
      padding: 12px;
      border-radius: 10px;
      background: var(--_call-panel);
      border: 1px solid var(--_primary);
    }
    .moderator p {
      margin: 0 0 10px;
    }
    .problems p {
      margin: 0;
      color: #ffb4ab;
    }
  `,
];
