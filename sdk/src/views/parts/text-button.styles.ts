// `.text-button`: the call window's outlined text button on its dark surfaces (the overlay's
// actions, "Bild im Bild" in the settings). One rule for both; `.primary` stays with its user.
import { css } from 'lit';

export const textButton = css`
  .text-button {
    min-height: 44px;
    padding: 8px 16px;
    border-radius: 8px;
    border: 1px solid rgb(255 255 255 / 0.35);
    background: transparent;
  }
`;
