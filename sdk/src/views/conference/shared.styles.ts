// Buttons, selects and the visually hidden text the conference's panels share (theme tokens only).
import { css } from 'lit';
import { srOnly } from '../../elements/shared/sr-only.js';

export const buttonStyles = [srOnly, css`
  * {
    box-sizing: border-box;
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  button:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  select,
  textarea {
    min-height: 44px;
    padding: 8px 10px;
    border-radius: 8px;
    border: 1px solid var(--_call-control-hover);
    background: var(--_call-control);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 10px;
  }
  .primary,
  .secondary,
  .danger,
  .link {
    min-height: 44px;
    padding: 8px 16px;
    border-radius: 22px;
    border: 0;
  }
  .primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .secondary {
    background: var(--_call-control);
  }
  .danger {
    background: var(--_danger);
    color: var(--_on-danger);
  }
  .link {
    background: transparent;
    text-decoration: underline;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .icon-button {
    width: 44px;
    height: 44px;
    border-radius: 50%;
    border: 0;
    display: grid;
    place-items: center;
    background: transparent;
  }
  .icon-button:hover {
    background: var(--_call-control-hover);
  }
  .panel-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  h2 {
    margin: 0;
    font-size: 16px;
  }
`];
