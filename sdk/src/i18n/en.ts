import type { Catalog } from './catalog.js';

export const en: Catalog = {
  locale: 'en-GB',
  presence: {
    online: 'Signed in',
    offline: 'Not signed in',
    busy: 'In a call',
  },
  callButton: {
    start: (name) => `Start video call with ${name}`,
    busy: (name) => `${name} is in a call right now`,
    inCall: 'You are already in a call',
  },
  contactMenu: {
    label: (name) => `Contact menu of ${name}`,
    startCall: 'Start video call',
    keyboardHint: 'Contact menu with Shift+F10',
    notSignedIn: (name) => `${name} is not signed in – no video call possible.`,
  },
  incomingCall: {
    title: 'Incoming video call',
    from: (name) => `${name} is calling you`,
    accept: 'Accept',
    decline: 'Decline',
    muteRing: 'Mute ringtone',
    unmuteRing: 'Unmute ringtone',
    desktopTitle: (name) => `Video call from ${name}`,
    desktopBody: 'Click here to switch to the call.',
  },
  roomRing: {
    title: 'Invitation to a video meeting',
    body: (caller, room, direct) => (direct ? `${caller} is calling you into the meeting “${room}”.` : `${caller} is calling all members of “${room}” to a meeting.`),
    join: 'Join',
    dismiss: 'Later',
  },
  notifications: {
    close: 'Close',
  },
  roomBar: {
    label: (room) => `Meeting in room ${room}`,
    idle: 'No meeting running',
    running: (n) => (n === 1 ? 'Meeting running · 1 person' : `Meeting running · ${n} people`),
    people: 'In the meeting',
    more: (n) => `and ${n} more`,
    join: 'Join',
    start: 'Start meeting',
    show: 'Go to the meeting',
    ringAll: 'Call all members',
    next: (when) => `Next meeting: ${when}`,
    cancel: 'Cancel',
  },

  errors: {
    fallback: 'Something went wrong. Please try again.',
    network_error: 'The call service cannot be reached.',
    unauthorized: 'You are not signed in.',
    token_expired: 'Your sign-in has expired. Please reload the page.',
    not_found: 'This call no longer exists.',
    not_a_member: 'You are not a member of this room.',
    rate_limited: 'Too many requests. Please wait a moment.',
    invalid_input: 'The request was not valid.',
    not_configured: 'TIMIO is not set up on this page.',
  },
};
