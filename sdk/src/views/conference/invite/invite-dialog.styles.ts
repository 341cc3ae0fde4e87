import { css } from 'lit';
import { srOnly } from '../../../elements/shared/sr-only.js';

export const inviteDialogStyles = [srOnly, css`
  :host { --_primary: var(--timio-color-primary, #0b5cad); }
  dialog {
    width: min(36rem, 94vw);
    max-height: 90vh;
    overflow: auto;
    border: 0;
    border-radius: 0.75rem;
    padding: 1.25rem 1.5rem;
    color: #1d2330;
    background: #fff;
    font: inherit;
  }
  dialog::backdrop { background: rgb(0 0 0 / 0.45); }
  .head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
  h2 { margin: 0; font-size: 1.25em; }
  h3 { font-size: 1.05em; margin: 1rem 0 0.4rem; }
  form { display: grid; gap: 0.6rem; margin-top: 0.75rem; }
  label { display: grid; gap: 0.2rem; font-weight: 600; }
  .row { display: flex; gap: 0.6rem; flex-wrap: wrap; }
  .row label { flex: 1 1 8rem; }
  label.check { display: flex; align-items: center; gap: 0.45rem; font-weight: 400; }
  label.check input { width: 1.1rem; height: 1.1rem; margin: 0; }
  fieldset { display: grid; gap: 0.5rem; border: 1px solid #c6ccd6; border-radius: 0.5rem; padding: 0.6rem 0.8rem; }
  legend { font-weight: 700; padding: 0 0.3rem; }
  input { font: inherit; font-weight: 400; padding: 0.4em 0.5em; border: 1px solid #6b7280; border-radius: 0.35rem; }
  input.link { width: 100%; box-sizing: border-box; font-family: monospace; font-size: 0.85em; }
  .hint { margin: 0; font-weight: 400; font-size: 0.9em; color: #4a5361; }
  button, a.button {
    font: inherit;
    padding: 0.4em 0.9em;
    border-radius: 0.35rem;
    border: 1px solid var(--_primary);
    background: #fff;
    color: var(--_primary);
    cursor: pointer;
    text-decoration: none;
    display: inline-block;
  }
  button.create { background: var(--_primary); color: #fff; justify-self: start; }
  button.revoke { border-color: #a4161a; color: #a4161a; }
  .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; margin: 0.3rem 0; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
  li { border-top: 1px solid #e1e5eb; padding-top: 0.5rem; }
  .who { font-weight: 600; }
  .status { min-height: 1.2em; margin: 0.5rem 0 0; }
  .problem { color: #a4161a; margin: 0.3rem 0; }
  :focus-visible { outline: 3px solid var(--_primary); outline-offset: 2px; }
`];
