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
  readonly outgoingCall: {
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
  };
  readonly roomRing: {
    title: string;
    body: (caller: string, room: string) => string;
    join: string;
    dismiss: string;
  };
  readonly notifications: {
    /** Accessible name of the region that holds the popups. */
    region: string;
  };
  /** The call window ("Arbeitsfenster", conference chunk). */
  readonly callWindow: {
    windowLabel: (name: string) => string;
    connecting: string;
    waitingFor: (name: string) => string;
    reconnecting: string;
    partnerLeft: (name: string) => string;
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
    moreOptions: string;
    controls: string;
    ownVideo: string;
    ownVideoHint: string;
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
  };
  /** `<timio-room-bar>`: a room's meeting in the top bar of a chat room. */
  readonly roomBar: {
    /** Accessible name of the bar. */
    label: (room: string) => string;
    idle: string;
    running: (count: number) => string;
    /** List of the people in the meeting, for screen readers. */
    people: string;
    more: (count: number) => string;
    join: string;
    ringAll: string;
    next: (title: string, when: string) => string;
    notMember: string;
    confirmTitle: string;
    confirmText: string;
    confirm: string;
    cancel: string;
    rung: (count: number) => string;
    /** The invitation popup: this page is in a call; joining leaves it. */
    leaveCallFirst: string;
  };
  /** The shared view parts of calls and conferences (tiles, control bar). */
  readonly media: {
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
  };
  /** Messages for the token service's error codes (docs/contracts.md); `fallback` for any other. */
  readonly errors: Readonly<Record<string, string>> & {
    readonly fallback: string;
    readonly network_error: string;
    /** Accepting a call the caller hung up (or that was answered elsewhere) a moment before. */
    readonly call_not_ringing: string;
    /** Calling while this user is already in a call (on another page). */
    readonly already_in_call: string;
  };
}
