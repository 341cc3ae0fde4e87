// The few icons of the light elements, inline so no asset has to be served.
import { svg } from 'lit';

export const videoIcon = svg`<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 6.5A2.5 2.5 0 0 1 6.5 4h7A2.5 2.5 0 0 1 16 6.5v1.6l3.4-2.3A1 1 0 0 1 21 6.6v10.8a1 1 0 0 1-1.6.8L16 15.9v1.6a2.5 2.5 0 0 1-2.5 2.5h-7A2.5 2.5 0 0 1 4 17.5z"/></svg>`;

export const phoneDownIcon = svg`<svg viewBox="3 5 18 14" width="1em" height="1em" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 9c-2.2 0-4.3.4-6.2 1.2-1 .4-1.8 1.3-1.8 2.4v1.9c0 .8.7 1.5 1.5 1.5H8c.8 0 1.5-.7 1.5-1.5v-1.7c1.6-.4 3.4-.4 5 0v1.7c0 .8.7 1.5 1.5 1.5h2.5c.8 0 1.5-.7 1.5-1.5v-1.9c0-1.1-.7-2-1.8-2.4C16.3 9.4 14.2 9 12 9z"/></svg>`;

export const bellIcon = svg`<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0z"/></svg>`;

export const bellOffIcon = svg`<svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3.7 2.3 2.3 3.7l3.9 3.9A6 6 0 0 0 6 9v3.6l-1.7 2.8a1 1 0 0 0 .9 1.6h10.4l4.7 4.7 1.4-1.4zM18 12.6V9a6 6 0 0 0-9.6-4.8L18 13.8zM10 18a2 2 0 0 0 4 0z"/></svg>`;
