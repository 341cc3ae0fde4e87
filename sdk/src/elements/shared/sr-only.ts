// `.sr-only`: text a screen reader reads that is not painted (a live region's announcement, a
// label beside an icon). One rule for every element that needs it.
import { css } from 'lit';

/** The declarations of `.sr-only`, for a rule of an element's own (a table head hidden on a phone only). */
export const srOnlyDeclarations = css`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

export const srOnly = css`
  .sr-only {
    ${srOnlyDeclarations}
  }
`;
