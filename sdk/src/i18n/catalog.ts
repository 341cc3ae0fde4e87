// The shape of a language catalog: every string of the SDK, grouped by feature. A feature adds
// its group here and to every language file; TypeScript then refuses a catalog that misses one.
// Strings that take a value are functions, so each language orders its words itself.

export interface Catalog {
  /** BCP 47 tag of the language, used for Intl formatting. */
  readonly locale: string;
  readonly presence: {
    online: string;
    offline: string;
    busy: string;
  };
  readonly callButton: {
    /** Accessible label and tooltip of the video button. */
    start: (name: string) => string;
    busy: (name: string) => string;
    /** While this page is already in a call or placing one. */
    inCall: string;
  };
  readonly contactMenu: {
    /** Accessible name of the menu. */
    label: (name: string) => string;
    startCall: string;
    /** Hint on the name: how to open the menu from the keyboard. */
    keyboardHint: string;
    /** In place of "Videocall starten" while the contact is not signed in. */
    notSignedIn: (name: string) => string;
  };
  readonly incomingCall: {
    title: string;
    from: (name: string) => string;
    accept: string;
    decline: string;
    muteRing: string;
    unmuteRing: string;
    /** Desktop notification while the page is in a background tab. */
    desktopTitle: (name: string) => string;
    desktopBody: string;
  };
  /**
   * The caller's popup ("Ausgehender Videocall": calling, ringing, how it ended), a call's notices and
   * the errors only a call meets. Optional: the SDK's strings come with the calls chunk
   * (elements/notifications/i18n), loaded on the page's first call event or action, so the light
   * part stays small; a host's catalog may bring its own.
   */
  readonly outgoingCall?: OutgoingCallCatalog;
  readonly roomRing: {
    title: string;
    /** `direct`: a colleague rang this person into the meeting ("Kollegen hinzurufen"), not all members. */
    body: (caller: string, room: string, direct?: boolean) => string;
    join: string;
    dismiss: string;
  };
  readonly notifications: {
    /** Closes an error notice. */
    close: string;
  };
  /**
   * The 1:1 call window and the media parts it shares with the conference. Optional: the SDK's German
   * strings come with the session chunk, its English ones are fetched by pages in English
   * (sdk/src/views/i18n, i18n/lazy-strings.ts), so the light part stays small; a host's catalog may
   * bring its own.
   */
  readonly callWindow?: CallWindowCatalog;
  /** `<timio-room-bar>`: a room's meeting in the top bar of a chat room. */
  readonly roomBar: {
    /** Accessible name of the bar. */
    label: (room: string) => string;
    idle: string;
    running: (count: number) => string;
    /** List of the people in the meeting, for screen readers; the state while the person is in it. */
    people: string;
    more: (count: number) => string;
    /** The button while a meeting runs. */
    join: string;
    /** The button while none runs: it starts one. */
    start: string;
    /** The button then: brings the conference into view. */
    show: string;
    /** The button "Alle Mitglieder rufen", also the title of its confirmation. */
    ringAll: string;
    /** The next scheduled meeting: "heute 14:00", "morgen 09:30", "Do., 3. Dez. 10:00". */
    next: (when: string) => string;
    /**
     * The confirmation: who will be rung (names, or how many when many; nobody signed in), and
     * `confirmText` when the service cannot say. Both optional: the SDK's German and English
     * wording comes with the room bar's ring chunk (the light part stays small); a host's catalog
     * may word them itself.
     */
    ringWho?: (names: readonly string[]) => string;
    confirmText?: string;
    /** The confirmation's button and what it says once rung; optional like the two above (ring-all.ts). */
    confirm?: string;
    rung?: (count: number) => string;
    cancel: string;
  };
  /**
   * The shared view parts of calls and conferences (tiles, control bar). Optional: the SDK's German
   * strings come with the session chunk, its English ones on demand (sdk/src/views/i18n/media.ts,
   * en.ts), so the light part stays small; a host's catalog may bring its own.
   */
  readonly media?: MediaCatalog;
  /**
   * Sound and background settings (pre-join, "Weitere Optionen", "Weitere Einstellungen").
   * Optional: the SDK's German strings come with the settings' chunk, its English ones on demand
   * (sdk/src/views/i18n/effects.ts, en.ts).
   */
  readonly effects?: EffectsCatalog;
  /**
   * The conference room (`<timio-conference>`). Optional: the SDK's German strings come with the
   * conference, its English ones on demand (sdk/src/views/conference/i18n), so the light part stays
   * small; a host's catalog may bring its own.
   */
  readonly conference?: ConferenceCatalog;
  /** Messages for the token service's error codes (docs/contracts.md); `fallback` for any other. */
  /**
   * The guest page (<timio-guest-join>). Optional: the SDK's German strings come with the guest
   * entry (timio-guest.js), its English ones on demand, so the light part stays small; a host's
   * catalog may bring its own.
   */
  readonly guestJoin?: GuestJoinCatalog;
  /**
   * The call history (<timio-call-history>). Optional: the SDK's German strings come with the
   * history entry (timio-history.js), its English ones on demand, so the light part stays small.
   */
  readonly callHistory?: CallHistoryCatalog;
  readonly errors: Readonly<Record<string, string>> & {
    readonly fallback: string;
    readonly network_error: string;
  };
}

/** The strings of the conference room (`<timio-conference>` and its parts). */
export interface ConferenceCatalog {
  regionLabel: (room: string) => string;
  /** The header: "Informationen zum Konferenzraum". */
  info: string;
  running: (time: string) => string;
  present: (n: number) => string;
  prejoinTitle: (room: string) => string;
  preview: string;
  previewOff: string;
  cameraToggle: string;
  micToggle: string;
  join: string;
  cancel: string;
  joining: string;
  /** The manual's sentence asking a moderator to confirm. */
  confirmModerator: string;
  joinAsModerator: string;
  joinAsMember: string;
  /** The pre-join's disclosure that holds the sound switches and the background (closed at first, so the check fits a small window). */
  effectsMore: string;
  iAmModerator: string;
  notModerator: string;
  moderatorConfirmed: string;
  leave: string;
  micOn: string;
  micOff: string;
  cameraOn: string;
  cameraOff: string;
  shareScreen: string;
  stopSharing: string;
  openChat: string;
  closeChat: string;
  unread: (n: number) => string;
  raiseHand: string;
  lowerHand: string;
  participants: string;
  tileView: string;
  speakerView: string;
  settings: string;
  endConference: string;
  controls: string;
  page: (page: number, pages: number) => string;
  previousPage: string;
  nextPage: string;
  stage: string;
  tiles: string;
  chatTitle: string;
  chatInput: string;
  send: string;
  charsLeft: (n: number) => string;
  chatEmpty: string;
  chatTooLong: string;
  chatFailed: string;
  you: string;
  close: string;
  participantsTitle: (n: number) => string;
  handsRaised: string;
  /** Visible text of the per-person buttons (their accessible names say whom). */
  muteShort: string;
  lowerHandShort: string;
  removeShort: string;
  muteAll: string;
  removeConfirm: (name: string) => string;
  mutedBy: string;
  actionFailed: string;
  settingsTitle: string;
  layout: string;
  mirrorSelf: string;
  hideSelf: string;
  devices: string;
  endConfirmTitle: string;
  endConfirmText: string;
  endConfirm: string;
  joined: (name: string) => string;
  left: (name: string) => string;
  dropped: (name: string) => string;
  raisedHand: (name: string) => string;
  newMessage: (name: string) => string;
  reconnecting: string;
  connecting: string;
  endedByModerator: string;
  /** The ended view of the moderator who ended it for everyone. */
  youEnded: string;
  removed: string;
  youLeft: string;
  failed: string;
  full: string;
  rejoin: string;
  gone: string;
  /** "Kollegen hinzurufen": the participants panel's button (the dialog's strings and its notices come with its chunk). */
  callIn: string;
  /** "Person einladen" in the conference's participants panel (moderators). */
  readonly invite: {
    open: string;
    title: string;
    meetingTitle: string;
    date: string;
    time: string;
    duration: string;
    colleagues: string;
    colleaguesHint: string;
    guests: string;
    guestName: string;
    email: string;
    emailHint: string;
    /** The checkbox: this guest always waits in the waiting room (otherwise only while no moderator is in). */
    waitingRoom: string;
    create: string;
    creating: string;
    created: (name: string) => string;
    copy: string;
    copied: string;
    copyFailed: string;
    linkLabel: string;
    mail: string;
    calendar: string;
    openInvites: string;
    none: string;
    revoke: string;
    revoked: string;
    close: string;
    /** For which meeting the guest link is: the running one, or one later. */
    when: string;
    now: string;
    later: string;
    /** Under "now": the link is valid from now on. */
    nowHint: string;
    /** The language of the invitation text (mail, calendar). */
    language: string;
    /** "Maria Gast möchte teilnehmen" */
    wantsToJoin: (name: string) => string;
    admit: string;
    deny: string;
    /** A moderator answered a guest who had stopped waiting a moment before. */
    guestLeft: (name: string) => string;
    /** Under a waiting guest whose name reads like a room member's (the same, or with look-alike letters). */
    resemblesMember: string;
    /** A guest let in at once whose name reads like a room member's: a notice to the moderator. */
    resemblesNotice: (name: string) => string;
    /** Beside that guest in the participants panel (the notice goes after a few seconds). */
    resemblesTag: string;
  };
}

/** The strings of the call history (`<timio-call-history>`): the person's calls and meetings. */
export interface CallHistoryCatalog {
  /** Accessible name of the list. */
  label: string;
  loading: string;
  empty: string;
  /** The history could not be read; `retry` tries again. */
  failed: string;
  retry: string;
  /** Loads older entries. */
  more: string;
  when: string;
  who: string;
  direction: string;
  outcome: string;
  duration: string;
  outgoing: string;
  incoming: string;
  /** A room meeting in the direction column. */
  meeting: string;
  /** Who called the room, under its name: "Anna Schmidt hat gerufen". */
  calledBy: (name: string) => string;
  /** The name button's accessible description: call back / open the room. */
  callBack: (name: string) => string;
  openRoom: (room: string) => string;
  outcomes: Readonly<Record<'completed' | 'declined' | 'busy' | 'no_answer' | 'cancelled' | 'failed' | 'missed' | 'joined', string>>;
}

/** The strings of the guest page (`<timio-guest-join>`): an external guest's way in through an invite link. */
export interface GuestJoinCatalog {
  /** Accessible name of the element's region. */
  label: string;
  loading: string;
  /** "Einladung zur Videokonferenz" above the title. */
  invitation: string;
  /** Date, time and duration of the meeting. */
  when: (start: string, end: string) => string;
  /** Before the invite opens: when joining becomes possible. */
  notOpenTitle: string;
  notOpen: (opensAt: string) => string;
  nameLabel: string;
  nameHint: string;
  /** The name reads like a role ("Moderator"): the service refused it (`name_taken`). */
  nameTaken: string;
  join: string;
  joining: string;
  waitingTitle: string;
  /** No moderator in the meeting yet. */
  waitingForStart: string;
  /** The invite lets guests in one by one. */
  waitingForModerator: string;
  /** The button in the waiting room: the guest stops waiting. */
  cancel: string;
  deniedTitle: string;
  denied: string;
  removedTitle: string;
  removed: string;
  endedTitle: string;
  ended: string;
  leftTitle: string;
  left: string;
  rejoin: string;
  expiredTitle: string;
  expired: string;
  revokedTitle: string;
  revoked: string;
  malformedTitle: string;
  malformed: string;
  unknownTitle: string;
  unknown: string;
  errorTitle: string;
  retry: string;
  /** The mark of an external person (tile, participants, chat). */
  guestMark: string;
}

/** The strings of the 1:1 call window and of the media parts (tiles, controls, device settings). */
export interface CallWindowCatalog {
  windowLabel: (name: string) => string;
  connecting: string;
  waitingFor: (name: string) => string;
  reconnecting: string;
  partnerLeft: (name: string) => string;
  partnerReconnecting: (name: string) => string;
  /** The window came back after a page change, and the screen share ended with the old page. */
  screenShareEndedByPage: string;
  connectionFailed: string;
  callEnded: string;
  contactOptions: string;
  endedNotice: string;
  endedWith: (name: string, duration: string) => string;
  dismissNotice: string;
  pictureInPicture: string;
  backToPage: string;
  contactOptionsFor: (name: string) => string;
  close: string;
  cameraOff: string;
  cameraOn: string;
  micOff: string;
  micOn: string;
  shareScreen: string;
  stopSharing: string;
  fullscreen: string;
  exitFullscreen: string;
  endCall: string;
  /** "Person hinzufügen": colleagues join the call, which becomes a meeting (issue 27). */
  addPerson: string;
  moreOptions: string;
  controls: string;
  ownVideo: string;
  ownVideoHint: string;
  /** The docked window's grip in its header (drag it, or arrow keys when focused). */
  moveWindow: string;
  /** How the grip works by keyboard (its accessible description and tooltip). */
  moveWindowHint: string;
  /** The docked window's resize corner (pointer only; the grip resizes by keyboard). */
  resizeWindow: string;
  /** Switch the docked window to cover the page, and back. */
  maximizeWindow: string;
  restoreWindow: string;
  partnerVideo: (name: string) => string;
  partnerScreen: (name: string) => string;
  partnerMicMuted: (name: string) => string;
  partnerCameraOff: (name: string) => string;
  partnerSharing: (name: string) => string;
  youAreSharing: string;
  yourCameraIsOff: string;
  camera: string;
  microphone: string;
  speaker: string;
  micLevel: string;
  micTestHint: string;
  playTestSound: string;
  noDevice: string;
  enableAudio: string;
  problem: Record<'camera' | 'microphone' | 'screen', Record<'permission_denied' | 'no_device' | 'in_use' | 'other', string>>;
}

/** Sound switches and the camera background. */
export interface EffectsCatalog {
  sound: string;
  noiseSuppression: string;
  echoCancellation: string;
  autoGainControl: string;
  background: string;
  none: string;
  blur: string;
  /** A host image without a label of its own. */
  image: (n: number) => string;
  /** The background is starting / why it is not offered or the camera goes unprocessed. */
  state: Record<'starting' | 'slow' | 'failed', string>;
  unsupported: Record<'no-wasm' | 'no-simd' | 'no-webgl' | 'csp', string>;
}

/** The shared view parts of calls and conferences: tiles, badges, the control bar. */
export interface MediaCatalog {
  /** A tile's name when it is this user's own. */
  self: (name: string) => string;
  micMuted: string;
  cameraOff: string;
  handRaised: string;
  speaking: string;
  guest: string;
  moderator: string;
  quality: Record<'poor' | 'lost', string>;
  /** The menu that holds the controls that do not fit the bar. */
  moreControls: string;
  /** A control's tooltip with its keyboard shortcut. */
  withShortcut: (label: string, key: string) => string;
}

/** The caller's popup (Catalog.outgoingCall). */
export interface OutgoingCallCatalog {
  title: string;
  calling: (name: string) => string;
  ringing: (name: string) => string;
  connecting: (name: string) => string;
  declined: (name: string) => string;
  busy: (name: string) => string;
  noAnswer: (name: string) => string;
  cancelled: string;
  failed: string;
  cancel: string;
  close: string;
  /** The invitation popup of a meeting while this page is in a call: joining leaves the call. */
  leaveCallFirst: string;
  /** A notice: the call ended before the partner ever came into it (they never joined after the answer). */
  partnerNeverJoined: (name: string) => string;
  /**
   * Errors only a call meets, shown in the popup or as a notice (a host catalog's own `errors` are
   * asked first).
   */
  errors: {
    /** Accepting a call the caller hung up (or that was answered elsewhere) a moment before. */
    call_ended: string;
    call_not_ringing: string;
    /** Calling while this user is already in a call (on another page). */
    already_in_call: string;
    busy: string;
  };
}
