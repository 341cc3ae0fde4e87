import { css } from 'lit';

/**
 * The frame of a dialog inside the meeting ("Person einladen", "Kollegen hinzurufen"): the meeting's
 * own look (the conference's dark call tokens), not the portal's light one. Each dialog sets its width.
 */
export const meetingDialogStyles = css`
  :host {
    --_primary: var(--timio-color-primary, #0b5cad);
    --_accent: #8fc1ff;
    --_text: var(--timio-call-color, #f4f6f8);
    --_muted: var(--timio-call-muted-color, #aab2bd);
    --_panel: var(--timio-call-panel, #222831);
    --_control: var(--timio-call-control, #2d3440);
  }
  dialog {
    max-height: 90vh;
    overflow: auto;
    border: 0;
    border-radius: 0.75rem;
    padding: 1.25rem 1.5rem;
    color: var(--_text);
    background: var(--_panel);
    font: inherit;
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.5);
  }
  dialog::backdrop { background: var(--timio-call-backdrop, rgb(10 14 20 / 0.55)); }
  .head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
  h2 { margin: 0; font-size: 1.25em; }
  button, a.button {
    font: inherit;
    padding: 0.4em 0.9em;
    border-radius: 0.35rem;
    border: 1px solid var(--_control);
    background: var(--_control);
    color: var(--_text);
    cursor: pointer;
    text-decoration: none;
  }
`;
