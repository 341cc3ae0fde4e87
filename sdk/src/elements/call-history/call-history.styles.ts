import { css } from 'lit';
import { themeTokens } from '../../theme/theme.js';
import { srOnlyDeclarations } from '../shared/sr-only.js';

export const callHistoryStyles = [
  themeTokens,
  css`
    :host {
      --_missed: var(--timio-call-history-missed-color, var(--_danger));
      display: block;
      font-family: var(--_font-family);
      color: var(--_on-surface);
    }
    :host([hidden]) {
      display: none;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      padding: 0.55em 0.6em;
      border-block-end: 1px solid var(--_border);
      vertical-align: middle;
    }
    th {
      font-size: 0.85em;
      font-weight: 600;
      color: var(--_muted);
    }
    .when,
    .duration {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .who-line {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
    }
    .name {
      font: inherit;
      font-weight: 600;
      color: var(--_primary);
      background: none;
      border: 0;
      padding: 0.1em 0.15em;
      border-radius: 4px;
      cursor: pointer;
      text-align: start;
    }
    .name:hover {
      text-decoration: underline;
    }
    .name:focus-visible,
    .more:focus-visible,
    .retry:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: 2px;
    }
    .by {
      display: block;
      font-size: 0.85em;
      color: var(--_muted);
      padding-inline-start: 0.15em;
    }
    .bad {
      color: var(--_missed);
      font-weight: 600;
    }
    .message {
      color: var(--_muted);
      margin: 0.5em 0;
    }
    .failed {
      color: var(--_missed);
    }
    .more,
    .retry {
      font: inherit;
      margin-block-start: 0.8em;
      padding: 0.45em 1em;
      border-radius: 999px;
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_primary);
      cursor: pointer;
    }
    .retry {
      margin: 0 0 0 0.6em;
    }
    /* Narrow screens: each entry a small card (who on top, when and how below), never wider than
       the screen. The table keeps its roles (set in the markup) for screen readers. */
    @media (max-width: 560px) {
      table,
      tbody {
        display: block;
      }
      /* The column names stay for screen readers; each row says what its cells are. */
      thead {
        ${srOnlyDeclarations}
      }
      tr {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 2px 12px;
        padding-block: 10px;
        border-block-end: 1px solid var(--_border);
      }
      td {
        display: block;
        padding: 0;
        border: 0;
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
      .who {
        grid-column: 1 / -1;
        grid-row: 1;
      }
      .when {
        grid-column: 1;
        grid-row: 2;
        color: var(--_muted);
        font-size: 0.85em;
      }
      .direction {
        grid-column: 1;
        grid-row: 3;
        color: var(--_muted);
        font-size: 0.85em;
      }
      .outcome {
        grid-column: 2;
        grid-row: 2;
        text-align: end;
      }
      .duration {
        grid-column: 2;
        grid-row: 3;
        text-align: end;
        font-size: 0.85em;
      }
    }
  `,
];
