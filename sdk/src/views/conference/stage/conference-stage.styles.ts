import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';
import { buttonStyles } from '../shared.styles.js';

export const stageStyles = [
  themeTokens,
  buttonStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      background: var(--_call-background);
      min-height: 0;
      min-width: 0;
      overflow: hidden;
      color: var(--_call-color);
    }
    .tiles {
      flex: 1;
      display: grid;
      gap: 8px;
      justify-content: center;
      align-content: center;
      min-height: 0;
    }
    .tile.screen {
      --timio-tile-fit: contain;
    }
    .tile {
      border-radius: 10px;
      overflow: hidden;
    }
    .pager {
      flex: none;
      height: 52px;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 12px;
      font-size: 14px;
    }
    .pager button {
      font-size: 26px;
      line-height: 1;
      background: var(--_call-control);
    }
    .speaker {
      flex: 1;
      display: flex;
      gap: 8px;
      min-height: 0;
    }
    .speaker.row {
      flex-direction: column;
    }
    .stage {
      flex: 1;
      min-width: 0;
      min-height: 0;
      display: grid;
    }
    .stage .tile {
      width: 100%;
      height: 100%;
    }
    .strip {
      flex: none;
      display: flex;
      gap: 8px;
      justify-content: center;
    }
    .strip .tile {
      width: var(--_tile-w);
      height: var(--_tile-h);
    }
  `,
];
