import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';
import { buttonStyles } from '../shared.styles.js';
import { panelStyles } from '../panel.styles.js';

export const conferenceSettingsStyles = [
  themeTokens,
  buttonStyles,
  panelStyles,
  css`
    .body {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      display: grid;
      align-content: start;
      gap: 12px;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      display: grid;
      gap: 2px;
    }
    legend {
      padding: 0 0 4px;
      font-size: 14px;
      font-weight: 600;
    }
    .option {
      display: flex;
      align-items: center;
      gap: 10px;
      min-height: 44px;
      cursor: pointer;
    }
    input {
      width: 20px;
      height: 20px;
      accent-color: var(--_primary);
    }
  `,
];
