// The media controls every view has (camera, microphone, screen share): their specs from the
// local media state, and what activating one does to the session.
import type { SessionApi } from '../../../session/session-api.js';
import type { LocalMediaState } from '../../../session/types.js';
import { icons } from '../../icons.js';
import type { ControlSpec } from './control-spec.js';
import type { CallWindowCatalog } from '../../../i18n/catalog.js';

/** Whether this browser can share a screen at all (phones cannot). */
export const canShareScreen = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;

export function mediaControls(local: LocalMediaState | undefined, live: boolean, t: CallWindowCatalog): ControlSpec[] {
  const busy = !live || !!local?.busy;
  const camOn = !!local?.cameraOn;
  const micOn = !!local?.micOn;
  const sharing = !!local?.screenSharing;
  const specs: ControlSpec[] = [
    { id: 'camera', label: camOn ? t.cameraOff : t.cameraOn, icon: camOn ? icons.camera : icons.cameraOff, pressed: !camOn, off: !camOn, disabled: busy, shortcut: 'v' },
    { id: 'mic', label: micOn ? t.micOff : t.micOn, icon: micOn ? icons.mic : icons.micOff, pressed: !micOn, off: !micOn, disabled: busy, shortcut: 'm' },
  ];
  if (canShareScreen()) {
    specs.push({ id: 'screen', label: sharing ? t.stopSharing : t.shareScreen, icon: icons.screen, pressed: sharing, active: sharing, disabled: busy, shortcut: 'd' });
  }
  return specs;
}

/** Runs a media control on the session; false when `id` is not one. */
export function runMediaControl(session: SessionApi, id: string, local: LocalMediaState | undefined): boolean {
  switch (id) {
    case 'camera':
      void session.setCameraEnabled(!local?.cameraOn);
      return true;
    case 'mic':
      void session.setMicrophoneEnabled(!local?.micOn);
      return true;
    case 'screen':
      void session.setScreenShareEnabled(!local?.screenSharing);
      return true;
    default:
      return false;
  }
}
