// `.sr-only`: text a screen reader reads that is not painted (a live region's announcement, a
// label beside an icon). One rule for every element that needs it.
import { css } from 'lit';

export const srOnly = css`
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
