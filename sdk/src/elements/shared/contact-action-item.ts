// One menu item for a host contact action (timio.registerContactActions), the same in the contact
// menu and in the call window's "Weitere Kontaktoptionen": a link when the action has an href,
// else a button; choosing it runs the action (cancelable event) and closes the menu.
import { html, type TemplateResult } from 'lit';
import { chooseContactAction, contactActionHref, contactActionLabel, type ContactAction } from '../../contact-actions/contact-actions.js';

export interface ContactActionItemOptions {
  /** Dispatches the action's event. */
  host: HTMLElement;
  /** Closes the menu; `refocus` is false for a link, whose navigation takes the focus. */
  close(refocus: boolean): void;
  /** Open links in a new tab (the call window must not leave its page). */
  newTab?: boolean;
}

export function contactActionItem(action: ContactAction, contact: { id: string; name: string }, locale: string, opts: ContactActionItemOptions): TemplateResult {
  const label = contactActionLabel(action, locale);
  const href = contactActionHref(action, contact);
  const choose = (e: Event) => {
    if (!chooseContactAction(action, contact, opts.host)) e.preventDefault();
    opts.close(!href);
  };
  if (!href) return html`<button class="item" part="action" type="button" role="menuitem" tabindex="-1" data-action=${action.id} @click=${choose}>${label}</button>`;
  return opts.newTab
    ? html`<a class="item" part="action" role="menuitem" tabindex="-1" href=${href} target="_blank" rel="noopener" data-action=${action.id} @click=${choose}>${label}</a>`
    : html`<a class="item" part="action" role="menuitem" tabindex="-1" href=${href} data-action=${action.id} @click=${choose}>${label}</a>`;
}
