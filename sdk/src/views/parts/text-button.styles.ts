// `.text-button`: the call window's outlined text button on its dark surfaces (the overlay's
// actions, "Ton einschalten" among the media problems, "Bild im Bild" in the settings), and its
// filled `.primary` form. One rule for all of them.
import { css } from 'lit';

export const textButton = css`
  .text-button {
    min-height: 44px;
    padding: 8px 16px;
    border-radius: 8px;
    border: 1px solid rgb(255 255 255 / 0.35);
    background: transparent;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .text-button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .text-button:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
`;
