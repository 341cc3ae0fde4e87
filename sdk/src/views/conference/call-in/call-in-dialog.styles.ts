import { css } from 'lit';
import { srOnly } from '../../../elements/shared/sr-only.js';
import { meetingDialogStyles } from '../dialogs/meeting-dialog.styles.js';

export const callInDialogStyles = [srOnly, meetingDialogStyles, css`
  dialog { width: min(28rem, 94vw); }
  label.search { display: grid; gap: 0.2rem; font-weight: 600; margin-top: 0.75rem; }
  input[type='search'] { font: inherit; font-weight: 400; padding: 0.45em 0.55em; border: 1px solid #8b93a3; border-radius: 0.35rem; color: var(--_text); background: var(--_control); color-scheme: dark; }
  .hint { margin: 0.3rem 0 0; font-size: 0.9em; color: var(--_muted); }
  ul { list-style: none; margin: 0.6rem 0 0; padding: 0; display: grid; gap: 2px; }
  li label { display: flex; align-items: center; gap: 0.6rem; padding: 0.45rem 0.4rem; border-radius: 0.35rem; cursor: pointer; min-height: 32px; }
  li label:hover { background: var(--_control); }
  li label.off { cursor: default; color: var(--_muted); }
  li input { width: 1.1rem; height: 1.1rem; margin: 0; flex: none; }
  .name { flex: 1; font-weight: 600; }
  .presence { display: inline-flex; align-items: center; gap: 0.35rem; font-size: 0.9em; color: var(--_muted); }
  .dot { width: 0.6rem; height: 0.6rem; border-radius: 50%; background: #8b93a3; }
  .dot.online { background: #3fbf6f; }
  .dot.busy { background: #f0a030; }
  .picked { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin: 0.8rem 0 0; }
  .picked button { padding: 0.2em 0.6em; border-radius: 1em; }
  .actions { display: flex; justify-content: flex-end; margin-top: 0.9rem; }
  button.ring { background: var(--_primary); border-color: var(--_primary); color: #fff; }
  button:disabled { opacity: 0.55; cursor: default; }
  .status { min-height: 1.2em; margin: 0.6rem 0 0; white-space: pre-line; }
  .problem { color: #ff8a8a; margin: 0.4rem 0 0; }
  :focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
`];
