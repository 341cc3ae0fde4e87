// The 1:1 call window's chunk: openCallWindow() is what the page wiring calls when a call is
// answered or taken over after a page change (through page/views-loader.ts, which fetches the
// shared session chunk beside this one).
export { openCallWindow } from './call/open-call-window.js';
export type { CallWindowOptions, CallWindowHandle } from './call/open-call-window.js';
export type { CallWindowEnd, CallWindowEndReason, CallWindowLayout } from './call/call-types.js';
export { TimioCall, TimioCallWindowEndEvent, defineTimioCall } from './call/timio-call.js';
export { TimioPartnerActions, definePartnerActions } from './parts/partner-actions/partner-actions.js';
