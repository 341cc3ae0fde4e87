import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';
import { buttonStyles } from '../shared.styles.js';
import { panelStyles } from '../panel.styles.js';

export const participantsPanelStyles = [
  themeTokens,
  buttonStyles,
  panelStyles,
  css`
    .people {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      display: grid;
      align-content: start;
      gap: 4px;
    }
    .person {
      padding: 6px 4px;
      border-bottom: 1px solid var(--_call-control);
    }
    .line {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 44px;
    }
    .avatar {
      flex: none;
      width: 36px;
      height: 36px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      background: var(--_call-control);
      font-size: 13px;
      font-weight: 600;
    }
    .who {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 6px;
      align-items: center;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .state {
      display: grid;
      place-items: center;
      color: var(--_call-color);
    }
    .state svg {
      width: 20px;
      height: 20px;
    }
    .state.off {
      color: #ff8a80;
    }
    .state.hand {
      color: #ffd479;
    }
    .gone {
      background: var(--_danger);
    }
    .warn {
      background: #7a5a00;
    }
    .actions {
      padding: 4px 0 4px 44px;
      font-size: 13px;
    }
    .actions .secondary,
    .actions .danger {
      padding: 6px 12px;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .add > * {
      flex: 1;
    }
    .add:empty {
      display: none;
    }
    .mute-all {
      display: flex;
      align-items: center;
      gap: 8px;
      justify-content: center;
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
  `,
];
