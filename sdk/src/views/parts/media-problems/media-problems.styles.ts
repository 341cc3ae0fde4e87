import { css } from 'lit';
import { callPartStyles } from '../call-part.styles.js';

export const mediaProblemsStyles = [
  ...callPartStyles,
  css`
    /* Each problem brings its own space above it: empty, the list takes no room. */
    .problems {
      display: grid;
      justify-items: center;
    }
    .problem {
      display: flex;
      gap: 10px;
      align-items: center;
      width: min(560px, 100%);
      margin-top: 8px;
      padding: 10px 14px;
      border-radius: 8px;
      background: #4a1d21;
      font-size: 14px;
      box-sizing: border-box;
    }
    .problem svg {
      flex: none;
    }
  `,
];
