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
  outgoingCall: {
    title: 'Outgoing video call',
    calling: (name) => `Calling ${name} …`,
    ringing: (name) => `Ringing ${name} …`,
    connecting: (name) => `Connecting to ${name} …`,
    declined: (name) => `${name} declined the call.`,
    busy: (name) => `${name} is in another call.`,
    noAnswer: (name) => `${name} did not answer.`,
    cancelled: 'The call was cancelled.',
    failed: 'The call failed.',
    cancel: 'Hang up',
    close: 'Close',
  },
  roomRing: {
    title: 'Invitation to a video meeting',
    body: (caller, room) => `${caller} is calling all members of “${room}” to a meeting.`,
    join: 'Join',
    dismiss: 'Later',
  },
  notifications: {
    region: 'Calls',
  },
  errors: {
    fallback: 'Something went wrong. Please try again.',
    network_error: 'The call service cannot be reached.',
    unauthorized: 'You are not signed in.',
    token_expired: 'Your sign-in has expired. Please reload the page.',
    not_found: 'This call no longer exists.',
    not_a_member: 'You are not a member of this room.',
    busy: 'The contact is in another call.',
    rate_limited: 'Too many requests. Please wait a moment.',
    invalid_input: 'The request was not valid.',
    not_configured: 'TIMIO is not set up on this page.',
  },
};
