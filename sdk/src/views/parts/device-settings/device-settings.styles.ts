import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';
import { textButton } from '../text-button.styles.js';

export const deviceSettingsStyles = [
  themeTokens,
  textButton,
  css`
    :host {
      display: block;
      color: var(--_call-color);
      font-family: var(--_font-family);
    }
    * {
      box-sizing: border-box;
    }
    section {
      display: grid;
      gap: 14px;
      max-height: 100%;
      min-height: 0;
      overflow: auto;
      padding: 16px;
      border-radius: 10px;
      background: var(--_call-panel);
      box-shadow: var(--_shadow);
    }
    h2,
    h3 {
      margin: 0;
      font-size: 16px;
    }
    section.embedded {
      padding: 0;
      box-shadow: none;
      overflow: visible;
    }
    h3 {
      font-size: 14px;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    button {
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .close {
      display: grid;
      place-items: center;
      width: 44px;
      height: 44px;
      margin: -10px -10px -10px 0;
      border: 0;
      border-radius: 8px;
      background: transparent;
    }
    button:focus-visible,
    select:focus-visible {
      outline: 3px solid var(--_primary);
      outline-offset: 2px;
    }
    label {
      display: grid;
      gap: 6px;
      font-size: 13px;
      color: var(--_call-muted-color);
    }
    select {
      width: 100%;
      min-height: 44px;
      padding: 7px 8px;
      border-radius: 6px;
      border: 1px solid #4a5363;
      background: var(--_call-background);
      color: var(--_call-color);
      font: inherit;
      font-size: 14px;
    }
    .preview {
      width: 100%;
      max-height: 22vh;
      aspect-ratio: 16 / 9;
      border-radius: 8px;
      background: #000;
      object-fit: cover;
      transform: scaleX(-1);
    }
    .meter {
      height: 8px;
      border-radius: 4px;
      background: var(--_call-background);
      overflow: hidden;
    }
    .meter > div {
      height: 100%;
      background: #2ea043;
      transition: width 0.05s linear;
    }
    .hint {
      margin-top: 4px;
      font-size: 12px;
      color: var(--_call-muted-color);
    }
  `,
];
