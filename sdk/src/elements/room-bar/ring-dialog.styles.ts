import { css } from 'lit';

/** The confirmation of "Alle Mitglieder rufen", added to the room bar's shadow root with its chunk (ring-all.ts). */
export const ringDialogStyles = css`
    dialog {
      max-inline-size: min(26rem, calc(100vw - 2rem));
      padding: 1.2em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_on-surface);
      box-shadow: var(--_shadow);
      font-family: var(--_font-family);
    }
    dialog::backdrop {
      background: rgba(0, 0, 0, 0.35);
    }
    dialog h2 {
      margin: 0 0 0.5em;
      font-size: 1.1em;
    }
    dialog p {
      margin: 0 0 1em;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5em;
    }
`;
