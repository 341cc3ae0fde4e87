// The guest page's German strings, in the guest entry (timio-guest.js), not the light part; other
// languages in ./en.ts, loaded when needed (i18n/lazy-strings.ts).
import type { GuestJoinCatalog } from '../../../i18n/catalog.js';
import { lazyStrings } from '../../../i18n/lazy-strings.js';

const de: GuestJoinCatalog = {
  label: 'Als Gast teilnehmen',
  loading: 'Einladung wird geladen …',
  invitation: 'Einladung zur Videokonferenz',
  when: (start, end) => `${start} bis ${end}`,
  notOpenTitle: 'Die Konferenz hat noch nicht begonnen',
  notOpen: (opensAt) => `Sie können ab ${opensAt} teilnehmen. Lassen Sie diese Seite offen oder öffnen Sie den Link dann erneut.`,
  nameLabel: 'Ihr Name',
  nameHint: 'So sehen die anderen Teilnehmenden Sie.',
  nameTaken: 'Bitte nur Ihren Namen, ohne Rollen wie „Moderator“.',
  join: 'Weiter',
  joining: 'Einen Moment …',
  waitingTitle: 'Bitte warten',
  waitingForStart: 'Sie werden eingelassen, sobald die Konferenz beginnt.',
  waitingForModerator: 'Sie werden eingelassen, sobald der Moderator Sie einlässt.',
  cancel: 'Abbrechen',
  deniedTitle: 'Teilnahme abgelehnt',
  denied: 'Der Moderator hat Ihre Teilnahme abgelehnt.',
  removedTitle: 'Sie wurden entfernt',
  removed: 'Ein Moderator hat Sie aus der Konferenz entfernt. Dieser Link ist nicht mehr gültig.',
  endedTitle: 'Konferenz beendet',
  ended: 'Die Konferenz wurde beendet. Sie können dieses Fenster schließen.',
  leftTitle: 'Sie haben die Konferenz verlassen',
  left: 'Sie können über denselben Link wieder teilnehmen.',
  rejoin: 'Wieder teilnehmen',
  expiredTitle: 'Einladung abgelaufen',
  expired: 'Diese Einladung ist abgelaufen. Bitten Sie die einladende Person um einen neuen Link.',
  revokedTitle: 'Einladung zurückgezogen',
  revoked: 'Diese Einladung wurde zurückgezogen. Bitten Sie die einladende Person um einen neuen Link.',
  malformedTitle: 'Link unvollständig',
  malformed: 'Dieser Einladungslink ist unvollständig oder beschädigt. Kopieren Sie den ganzen Link aus der Einladung.',
  unknownTitle: 'Einladung nicht gefunden',
  unknown: 'Zu diesem Link gibt es keine Einladung. Bitten Sie die einladende Person um einen neuen Link.',
  errorTitle: 'Das hat nicht geklappt',
  retry: 'Erneut versuchen',
  guestMark: 'Gast',
};

/** The host's own guest strings (a registered catalog with `guestJoin`), else the SDK's in its language, else German. */
export const guestStrings = lazyStrings('guestJoin', de, { en: () => import('./en.js').then((m) => m.en) });
