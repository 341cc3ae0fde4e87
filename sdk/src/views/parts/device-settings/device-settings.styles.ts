import { css } from 'lit';
import { callPartStyles } from '../call-part.styles.js';

export const deviceSettingsStyles = [
  ...callPartStyles,
  css`
    * {
      box-sizing: border-box;
    }
    /* The title stays on top; what is below it scrolls when the panel is short (a docked window). */
    section {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-height: 100%;
      min-height: 0;
      overflow: hidden;
      padding: 16px 0 16px 16px;
      border-radius: 10px;
      background: var(--_call-panel);
      box-shadow: var(--_shadow);
    }
    h2,
    h3 {
      margin: 0;
      font-size: 16px;
    }
    .head {
      padding-inline-end: 16px;
    }
    .body {
      display: grid;
      gap: 14px;
      min-height: 0;
      overflow: auto;
      overscroll-behavior: contain;
      /* room for the focus rings, and the scroll bar beside the controls, not over them */
      padding: 3px 16px 3px 3px;
      margin-left: -3px;
    }
    section.embedded {
      padding: 0;
      box-shadow: none;
      overflow: visible;
    }
    section.embedded .body {
      overflow: visible;
      padding: 0;
      margin: 0;
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
    /* A glance at the own camera, small enough that the microphone shows below it in a docked window. */
    .preview {
      width: 100%;
      max-height: min(22vh, 120px);
      aspect-ratio: 16 / 9;
      border-radius: 8px;
      background: #000;
      object-fit: cover;
      transform: scaleX(-1);
    }
    /* In a short stage (a docked window) the own video beside it shows the camera already: the
       microphone and the rest come first. */
    @container (max-height: 420px) {
      section:not(.embedded) .preview {
        display: none;
      }
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
