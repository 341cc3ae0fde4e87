import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';
import { buttonStyles } from './shared.styles.js';

export const conferenceStyles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: block;
      position: relative;
      min-height: 320px;
      color: var(--_call-color);
      background: var(--_call-background);
      font-family: var(--_font-family);
      container-type: inline-size;
    }
    :host([phase='idle']) {
      display: none;
    }
    :host([full-window]) {
      position: fixed;
      inset: 0;
      z-index: var(--_z-index);
    }
    /* On a phone the conference covers the page from the pre-join on, as the call window does: in
       the page's flow it sat below the chat, where whoever pressed "Teilnehmen" had to scroll to
       find it. !important: the host's size for its panel (outer CSS, inline) must not keep it there. */
    @media (max-width: 639px) {
      :host(:not([phase='idle'])) {
        position: fixed !important;
        inset: 0 !important;
        width: auto !important;
        height: auto !important;
        z-index: var(--_z-index);
      }
    }
    .conference {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      overflow: hidden;
    }
    .conference[data-phase='prejoin'],
    .conference[data-phase='ended'] {
      overflow-y: auto;
      /* safe: a pre-join taller than a small panel starts at its top instead of being cut off above */
      justify-content: safe center;
    }
    .conference[data-phase='idle'] {
      display: none;
    }
    .header {
      flex: none;
      display: flex;
      align-items: baseline;
      gap: 12px;
      padding: 10px 16px;
      min-width: 0;
    }
    .room-name {
      margin: 0;
      font-size: 17px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      min-width: 0;
    }
    .facts {
      display: flex;
      gap: 12px;
      margin: 0;
      font-size: 13px;
      color: var(--_call-muted-color);
      white-space: nowrap;
    }
    dd {
      margin: 0;
    }
    .body {
      position: relative;
      flex: 1;
      min-height: 0;
      display: flex;
      gap: 8px;
      padding: 0 8px;
    }
    .stage {
      flex: 1;
    }
    .overlay {
      position: absolute;
      inset: 0 8px;
      pointer-events: none;
    }
    /* Media problems in a row between the body and the control bar: they cover no tile (empty, the
       row takes no room). */
    .problems {
      width: min(560px, calc(100% - 16px));
      margin: 0 auto;
    }
    .panel {
      flex: none;
      width: 340px;
      display: grid;
      min-height: 0;
    }
    .panel > * {
      min-height: 0;
    }
    /* The overflow menu opens upwards over the body: above a panel that covers it (narrow view),
       below the end confirmation's scrim. */
    timio-control-bar {
      position: relative;
      z-index: 2;
    }
    /* Join, leave and hand notices in a row above the control bar, as the media problems: over the
       stage's top they covered the moderator question and the panels' titles. Empty, no room. */
    .notices {
      display: grid;
      justify-items: center;
    }
    .notice {
      margin: 0 8px 6px;
      padding: 6px 14px;
      border-radius: 16px;
      background: rgb(0 0 0 / 0.75);
      font-size: 14px;
      max-width: min(90vw, 520px);
    }
    .banner {
      margin: 0 8px 8px;
      padding: 10px 12px;
      border-radius: 10px;
      background: var(--_call-panel);
      border: 1px solid var(--_primary);
    }
    .banner p {
      margin: 0 0 8px;
    }
    .admit-notice .tag {
      font-size: 0.8em;
      padding: 1px 6px;
      border-radius: 6px;
      border: 1px solid currentColor;
    }
    .scrim {
      position: absolute;
      inset: 0;
      z-index: 3;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 0.55);
    }
    .dialog {
      width: min(92%, 420px);
      padding: 18px;
      border-radius: 12px;
      background: var(--_call-panel);
      box-shadow: var(--_shadow);
    }
    .dialog h2 {
      font-size: 18px;
    }
    .ended {
      display: grid;
      justify-items: center;
      gap: 12px;
      padding: 24px;
      text-align: center;
      font-size: 18px;
    }
    .ended p {
      margin: 0;
    }
    @container (max-width: 639px) {
      .panel {
        position: absolute;
        inset: 0;
        width: auto;
        z-index: 2;
      }
      .header {
        flex-wrap: wrap;
        row-gap: 0;
      }
    }
  `,
];
