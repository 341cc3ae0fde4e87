// The call state machine's vocabulary, shared by the light part (elements read snapshots, the page
// hears host events) and the machine itself (loaded on demand, calls/call-machine.ts): types only.
import type { CallInfo, CallOutcome, UserRef } from '#protocol/realtime.js';
import type { CallGrant } from '../api/token-service-client.js';
import type { CallResumeStore, WindowLayout } from '../resume/call-resume-store.js';

/** The REST calls the machine makes (TokenServiceClient provides them). */
export interface CallApi {
  startCall(callee: string): Promise<CallGrant>;
  acceptCall(id: string, page?: string): Promise<CallGrant>;
  declineCall(id: string): Promise<CallInfo>;
  cancelCall(id: string): Promise<CallInfo>;
  endCall(id: string): Promise<CallInfo>;
  /** The user's ringing or active call as the service knows it (GET /v1/calls/current). */
  currentCall?(): Promise<CallInfo | undefined>;
  /** One call of the user, also after it ended (GET /v1/calls/:id). */
  getCall?(id: string): Promise<CallInfo>;
  /** A fresh token for the user's call, for the page that takes it over (POST /v1/calls/:id/join). */
  joinCall?(id: string): Promise<CallGrant>;
}

/** The open call window as the machine sees it (the conference chunk's CallWindowHandle fits). */
export interface CallWindow {
  update(call: CallInfo): void;
  close(): Promise<void>;
  /** The call became a meeting (`reason: 'converted'`): the window hands its session to the meeting's conference. */
  convert?(call: CallInfo): Promise<void>;
}

/** How a window opens: as it was on the tab's previous page (`layout`), and where it reports changes. */
export interface CallWindowSetup {
  layout?: WindowLayout;
  onLayout?(layout: WindowLayout): void;
}

/** Why the window closed: `closed` when the machine closed it, anything else ends the call. */
export type CallWindowOpener = (grant: CallGrant, onEnd: (reason: string) => void, setup?: CallWindowSetup) => Promise<CallWindow>;

export interface CallMachineOptions {
  api: CallApi;
  openWindow: CallWindowOpener;
  /** This user's id (from the realtime `ready`), to tell outgoing from incoming calls. */
  selfId?: () => string | undefined;
  /** This page's realtime id, sent with accept so the callee's other pages stop ringing. */
  pageId?: () => string | undefined;
  /** What outlives the page: the tab's call and the host events already sent (resume/call-resume-store.ts). */
  resumeStore?: CallResumeStore;
}

export type OutgoingPhase = 'calling' | 'ringing' | 'connecting' | 'ended';

export interface OutgoingCallView {
  contact: UserRef;
  phase: OutgoingPhase;
  call?: CallInfo;
  /** Set when phase is `ended`. */
  outcome?: CallOutcome;
  error?: { code: string; message: string };
}

export interface IncomingCallView {
  call: CallInfo;
  phase: 'ringing' | 'accepting';
}

export interface CallSnapshot {
  outgoing?: OutgoingCallView;
  incoming: readonly IncomingCallView[];
  /** The call with an open window. */
  active?: CallInfo;
  /** This user's call held by another page (tab) of theirs: this page's call buttons wait meanwhile. */
  elsewhere?: CallInfo;
}

export type HostCallEvent =
  | { type: 'started' | 'answered' | 'ended' | 'missed' | 'resumed'; call: CallInfo }
  | { type: 'error'; code: string; message: string; call?: CallInfo };
