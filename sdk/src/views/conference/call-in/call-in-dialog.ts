// The "Kollegen hinzurufen" dialog's chunk: importing it registers <timio-call-in-dialog>. The
// participants panel imports it on the first press, so the conference's chunk does not carry it.
import { define } from '../../../elements/shared/define.js';
import { TimioCallInDialog } from './call-in-dialog.component.js';

define('timio-call-in-dialog', TimioCallInDialog);

declare global {
  interface HTMLElementTagNameMap {
    'timio-call-in-dialog': TimioCallInDialog;
  }
}

export { TimioCallInDialog };
