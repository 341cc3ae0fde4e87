import { css } from 'lit';
import { themeTokens } from '../../../theme/theme.js';
import { buttonStyles } from '../shared.styles.js';
import { panelStyles } from '../panel.styles.js';

export const chatPanelStyles = [
  themeTokens,
  buttonStyles,
  panelStyles,
  css`
    .messages {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
    }
    .messages ol {
      display: grid;
      align-content: start;
      gap: 10px;
    }
    .messages:focus-visible {
      outline: 2px solid var(--_primary);
    }
    .message {
      padding: 8px 10px;
      border-radius: 10px;
      background: var(--_call-control);
      max-width: 92%;
    }
    .message.mine {
      justify-self: end;
      background: color-mix(in srgb, var(--_primary) 35%, var(--_call-control));
    }
    .meta {
      display: flex;
      gap: 6px;
      align-items: baseline;
      font-size: 12px;
      color: var(--_call-muted-color);
    }
    .from {
      font-weight: 600;
      color: var(--_call-color);
    }
    .text {
      margin: 2px 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .empty {
      color: var(--_call-muted-color);
    }
    form {
      display: flex;
      gap: 8px;
      align-items: end;
    }
    textarea {
      flex: 1;
      resize: vertical;
      max-height: 160px;
    }
    .send {
      background: var(--_primary);
      color: var(--_on-primary);
    }
    .foot {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font-size: 12px;
      color: var(--_call-muted-color);
    }
    .low {
      color: #ffd479;
    }
  `,
];
