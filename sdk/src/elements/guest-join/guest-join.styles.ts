import { css } from 'lit';

export const guestJoinStyles = css`
  :host {
    display: block;
    font: inherit;
    color: var(--timio-color-text, #1d2330);
    --_primary: var(--timio-color-primary, #0b5cad);
  }
  [part='card'] {
    max-width: 32rem;
    margin: 2rem auto;
    padding: 1.5rem 1.75rem;
    border-radius: 0.75rem;
    background: var(--timio-guest-join-background, #fff);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.15);
  }
  .kicker { margin: 0; font-size: 0.9em; color: #4a5361; }
  h1 { margin: 0.2em 0; font-size: 1.5em; }
  h2 { margin: 0.5em 0 0.25em; font-size: 1.15em; }
  .when { margin: 0 0 1rem; }
  form { display: grid; gap: 0.4rem; }
  label { font-weight: 600; }
  input {
    font: inherit;
    padding: 0.5em 0.6em;
    border: 1px solid #6b7280;
    border-radius: 0.4rem;
  }
  .hint { margin: 0; font-size: 0.9em; color: #4a5361; }
  .problem { margin: 0; color: #a4161a; }
  button {
    justify-self: start;
    margin-top: 0.5rem;
    font: inherit;
    padding: 0.55em 1.3em;
    border: 0;
    border-radius: 0.4rem;
    background: var(--_primary);
    color: #fff;
    cursor: pointer;
  }
  button.secondary { background: transparent; color: var(--_primary); box-shadow: inset 0 0 0 1px var(--_primary); }
  button[disabled] { opacity: 0.7; cursor: progress; }
  input:focus-visible, button:focus-visible { outline: 3px solid var(--_primary); outline-offset: 2px; }
`;
