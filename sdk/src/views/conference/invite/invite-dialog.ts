// The "Person einladen" dialog's chunk: importing it registers <timio-invite-dialog>. The
// participants panel imports it on the first press, so the conference's chunk does not carry it.
import { define } from '../../../elements/shared/define.js';
import { TimioInviteDialog } from './invite-dialog.component.js';

define('timio-invite-dialog', TimioInviteDialog);

declare global {
  interface HTMLElementTagNameMap {
    'timio-invite-dialog': TimioInviteDialog;
  }
}

export { TimioInviteDialog };
