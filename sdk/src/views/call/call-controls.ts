// The call window's control bar, in the manual's order: the media controls, "Person hinzufügen"
// (issue 27), Vollbild-Modus, Gespräch beenden, Weitere Optionen.
import type { LocalMediaState } from '../../session/types.js';
import type { CallWindowCatalog } from '../../i18n/catalog.js';
import type { ControlSpec } from '../parts/control-bar/control-bar.js';
import { mediaControls } from '../parts/control-bar/media-controls.js';
import { icons } from '../icons.js';

export interface CallControlState {
  /** Connected (or reconnecting): the media controls work. */
  live: boolean;
  /** Offer "Person hinzufügen" (an active call on a page with the token service). */
  addPerson: boolean;
  fullscreen: boolean;
  optionsOpen: boolean;
}

/** The controls for the window's state, labelled in its language. */
export function callControls(local: LocalMediaState | undefined, s: CallControlState, t: CallWindowCatalog): ControlSpec[] {
  return [
    ...mediaControls(local, s.live, t),
    ...(s.addPerson ? [{ id: 'add-person', label: t.addPerson, icon: icons.addPerson }] : []),
    { id: 'fullscreen', label: s.fullscreen ? t.exitFullscreen : t.fullscreen, icon: s.fullscreen ? icons.fullscreenExit : icons.fullscreen, pressed: s.fullscreen, shortcut: 'f' },
    { id: 'end', label: t.endCall, icon: icons.hangUp, danger: true, pinned: true, part: 'end-button' },
    { id: 'more', label: t.moreOptions, icon: icons.more, expanded: s.optionsOpen, active: s.optionsOpen, pinned: true },
  ];
}
