// What a panel part of the call window and the conference starts from (the device settings, the
// media problems): the theme's tokens, the text button, and a block in the call's text colour and
// font. The part's own rules follow it.
import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';
import { textButton } from './text-button.styles.js';

export const callPartStyles = [
  themeTokens,
  textButton,
  css`
    :host {
      display: block;
      color: var(--_call-color);
      font-family: var(--_font-family);
    }
  `,
];
