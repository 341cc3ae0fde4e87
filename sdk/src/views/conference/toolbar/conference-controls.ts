// The conference's controls in the manual's order ("Informationen zum Konferenzraum"): Konferenz
// verlassen, Mikro, Kamera, Bildschirmfreigabe, Chat, Hand heben, Anwesende Teilnehmer,
// Kachelansicht, Weitere Einstellungen, and Konferenz beenden for moderators.
import type { ConferenceCatalog } from '../../../i18n/catalog.js';
import type { LocalMediaState } from '../../../session/types.js';
import { icons } from '../../icons.js';
import { canShareScreen } from '../../parts/control-bar/media-controls.js';
import type { ControlSpec } from '../../parts/control-bar/control-bar.js';

export type Panel = 'chat' | 'participants' | 'settings';

export interface ControlsInput {
  local: LocalMediaState | undefined;
  live: boolean;
  panel: Panel | undefined;
  unread: number;
  handRaised: boolean;
  layout: 'tiles' | 'speaker';
  moderator: boolean;
}

export function conferenceControls(t: ConferenceCatalog, c: ControlsInput): ControlSpec[] {
  const busy = !c.live || !!c.local?.busy;
  const micOn = !!c.local?.micOn;
  const camOn = !!c.local?.cameraOn;
  const sharing = !!c.local?.screenSharing;
  const chatLabel = c.unread > 0 ? `${t.openChat}, ${t.unread(c.unread)}` : c.panel === 'chat' ? t.closeChat : t.openChat;
  const specs: ControlSpec[] = [
    { id: 'leave', label: t.leave, icon: icons.leave, danger: true, pinned: true, part: 'leave-button' },
    { id: 'mic', label: micOn ? t.micOff : t.micOn, icon: micOn ? icons.mic : icons.micOff, pressed: !micOn, off: !micOn, disabled: busy, shortcut: 'm' },
    { id: 'camera', label: camOn ? t.cameraOff : t.cameraOn, icon: camOn ? icons.camera : icons.cameraOff, pressed: !camOn, off: !camOn, disabled: busy, shortcut: 'v' },
  ];
  if (canShareScreen()) specs.push({ id: 'screen', label: sharing ? t.stopSharing : t.shareScreen, icon: icons.screen, pressed: sharing, active: sharing, disabled: busy, shortcut: 'd' });
  specs.push(
    { id: 'chat', label: chatLabel, icon: icons.chat, expanded: c.panel === 'chat', active: c.panel === 'chat', shortcut: 'c', ...(c.unread > 0 ? { badge: c.unread > 99 ? '99+' : String(c.unread) } : {}) },
    { id: 'hand', label: c.handRaised ? t.lowerHand : t.raiseHand, icon: icons.hand, pressed: c.handRaised, active: c.handRaised, disabled: !c.live, shortcut: 'h' },
    { id: 'participants', label: t.participants, icon: icons.people, expanded: c.panel === 'participants', active: c.panel === 'participants', shortcut: 'p' },
    // Says what a press does, label and icon: one label for both states read the same either way.
    { id: 'layout', label: c.layout === 'tiles' ? t.speakerView : t.tileView, icon: c.layout === 'tiles' ? icons.speakerView : icons.grid, shortcut: 'l' },
    { id: 'settings', label: t.settings, icon: icons.settings, expanded: c.panel === 'settings', active: c.panel === 'settings' },
  );
  if (c.moderator) specs.push({ id: 'end', label: t.endConference, icon: icons.endAll, danger: true, pinned: true, part: 'end-button' });
  return specs;
}
