// What every side panel of the conference shares: the column, its head, its scrolling body.
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
    min-height: 0;
    color: var(--_call-color);
    font-family: var(--_font-family);
  }
  section {
    height: 100%;
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 12px;
    background: var(--_call-panel);
    border-radius: 12px;
  }
  ol,
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tag {
    display: inline-block;
    padding: 0 6px;
    border-radius: 8px;
    font-size: 11px;
    line-height: 18px;
    background: var(--_call-control-hover);
    color: var(--_call-color);
  }
  .error {
    color: #ffb4ab;
  }
`;
