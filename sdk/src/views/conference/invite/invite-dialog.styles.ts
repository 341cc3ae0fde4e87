import { css } from 'lit';
import { srOnly } from '../../../elements/shared/sr-only.js';
import { meetingDialogStyles } from '../dialogs/meeting-dialog.styles.js';

export const inviteDialogStyles = [srOnly, meetingDialogStyles, css`
  dialog { width: min(36rem, 94vw); }
  h3 { font-size: 1.05em; margin: 1rem 0 0.4rem; }
  form { display: grid; gap: 0.6rem; margin-top: 0.75rem; }
  label { display: grid; gap: 0.2rem; font-weight: 600; }
  .row { display: flex; gap: 0.6rem; flex-wrap: wrap; }
  .row label { flex: 1 1 8rem; }
  label.check { display: flex; align-items: center; gap: 0.45rem; font-weight: 400; }
  label.check input { width: 1.1rem; height: 1.1rem; margin: 0; }
  fieldset { display: grid; gap: 0.5rem; border: 1px solid var(--_control); border-radius: 0.5rem; padding: 0.6rem 0.8rem; }
  fieldset.when { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
  legend { font-weight: 700; padding: 0 0.3rem; }
  input, select { font: inherit; font-weight: 400; padding: 0.4em 0.5em; border: 1px solid #8b93a3; border-radius: 0.35rem; color: var(--_text); background: var(--_control); color-scheme: dark; }
  input.link { width: 100%; box-sizing: border-box; font-family: monospace; font-size: 0.85em; }
  .hint { margin: 0; font-weight: 400; font-size: 0.9em; color: var(--_muted); }
  a.button { display: inline-block; }
  button.create { background: var(--_primary); border-color: var(--_primary); color: #fff; justify-self: start; }
  button.revoke { border-color: #ff8a8a; background: transparent; color: #ff8a8a; }
  .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; margin: 0.3rem 0; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
  li { border-top: 1px solid var(--_control); padding-top: 0.5rem; }
  li.new { border-left: 3px solid var(--_accent); padding-left: 0.5rem; }
  .who { font-weight: 600; }
  .status { min-height: 1.2em; margin: 0.5rem 0 0; }
  .problem { color: #ff8a8a; margin: 0.3rem 0; }
  :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
`];
