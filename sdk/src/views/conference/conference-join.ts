// Joining and leaving one room's meeting, as a controller of <timio-conference>: the token (and
// whether this person may moderate), the pre-join or a direct join with the last media choices,
// the take-over of the tab's conference after a page change (resume), the session, and how it
// ended. Sends the host events joined / resumed / left / ended.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoomStatusAnswer, RoomTokenGrant } from '#protocol/rest.js';
import type { SessionApi } from '../../session/session-api.js';
import type { StartMedia } from '../../session/local-media.js';
import type { ConnectionState } from '../../session/types.js';
import type { ConferenceResumeStore, ResumableConference } from '../../resume/conference-resume.js';
import type { ConferenceApi } from './room-api.js';
import { loadChoices, type MediaChoices } from './prejoin/choices.js';
import { ConferenceResumeRecorder } from '../../resume/conference-resume-recorder.js';
import {
  TimioConferenceEndedEvent, TimioConferenceJoinedEvent, TimioConferenceLeftEvent, TimioConferenceResumedEvent, type ConferenceLeftReason,
} from './events.js';

export type Phase = 'idle' | 'prejoin' | 'joining' | 'in' | 'ended';
export type EndReason = ConferenceLeftReason | 'ended';

/** A room session the conference can start (RoomSession; a stand-in in element tests). */
export interface ConferenceSession extends SessionApi {
  connect(start?: StartMedia): Promise<void>;
}
export type SessionFactory = (grant: RoomTokenGrant, api: ConferenceApi) => ConferenceSession;

interface Host extends ReactiveControllerHost, HTMLElement {
  room: string;
  roomName: string;
  api?: ConferenceApi;
  createSession?: SessionFactory;
  resumeStore?: ConferenceResumeStore;
}

export class ConferenceJoin implements ReactiveController {
  phase: Phase = 'idle';
  session?: ConferenceSession;
  canModerate = false;
  moderator = false;
  /** Joined straight from the invitation: a possible moderator confirms inside the conference. */
  askModerator = false;
  endReason?: EndReason;
  /** Token service error code of a failed join. */
  errorCode?: string;
  /** This join takes over the tab's conference from its previous page (no pre-join, `resumed` event). */
  resuming = false;
  /** Resumed: chat messages up to this time (ms) were seen on the previous page. */
  chatSeenAt?: number;
  private grant?: RoomTokenGrant;
  private stopFollowing?: () => void;
  private readonly resumeRecorder: ConferenceResumeRecorder;
  /** The session whose connect() (with camera and microphone) has finished. */
  private mediaStarted?: ConferenceSession;

  constructor(private readonly host: Host) {
    host.addController(this);
    this.resumeRecorder = new ConferenceResumeRecorder(host, () => ({ moderator: this.moderator, askModerator: this.askModerator }));
  }

  hostConnected(): void {}

  /** Removing the element leaves the meeting; moving it within the page (out and back in one task) does not. */
  hostDisconnected(): void {
    queueMicrotask(() => {
      if (!this.host.isConnected) void this.finish('left');
    });
  }

  /** Opens the pre-join, or (prejoin false) joins at once with the last media choices. */
  async start(prejoin: boolean): Promise<void> {
    if (this.phase === 'joining' || this.phase === 'in' || (this.phase === 'prejoin' && prejoin)) return;
    this.resuming = false;
    this.chatSeenAt = undefined;
    this.set({ phase: prejoin ? 'prejoin' : 'joining', endReason: undefined, errorCode: undefined, askModerator: false, moderator: false });
    if (!(await this.fetchToken(false))) return;
    this.canModerate = !!this.grant?.canModerate;
    if (prejoin) this.host.requestUpdate();
    else await this.join(loadChoices(), false, this.canModerate);
  }

  /**
   * Takes over the conference the tab held on its previous page: at once, camera and microphone
   * as they were, as moderator again if confirmed; `status` is the room's status the view asked for
   * (the one request of the resume), `early` the token the page asked for while the chunk loaded.
   */
  async resume(held: ResumableConference, status: Promise<RoomStatusAnswer> | undefined, early?: Promise<RoomTokenGrant>): Promise<void> {
    if (this.phase === 'joining' || this.phase === 'in') return;
    this.resuming = true;
    this.chatSeenAt = held.chatSeenAt;
    this.set({ phase: 'joining', endReason: undefined, errorCode: undefined, askModerator: false, moderator: false });
    // Asked beside the token: a moderator may have ended the meeting during the page change, and
    // joining would start a new one (LiveKit creates the room again).
    const ended = status?.then((s) => s.ended, () => false);
    if (!(await this.fetchToken(held.moderator, early))) return;
    if (await ended) {
      this.grant = undefined;
      return this.finish('ended');
    }
    this.canModerate = !!this.grant?.canModerate;
    const choices = { ...loadChoices(), camera: held.camera, microphone: held.microphone };
    await this.join(choices, held.moderator, !!held.askModerator && this.canModerate && !held.moderator);
  }

  /**
   * Takes over a session that is already in the room: a 1:1 call converted into this meeting in
   * place (issue 27). No token, no connect: the connection and the published camera and microphone
   * go on as they are, and the view is `in` at once (host event `joined`). `moderator`: the call's
   * caller moderates the meeting. From here on it is like any joined conference (resume marker, leave).
   */
  adopt(session: ConferenceSession, moderator: boolean): void {
    if (this.phase === 'joining' || this.phase === 'in') return;
    this.resuming = false;
    this.chatSeenAt = undefined;
    this.canModerate = moderator;
    this.grant = undefined;
    this.set({ phase: 'joining', endReason: undefined, errorCode: undefined, askModerator: false, moderator });
    this.session = session;
    this.mediaStarted = session;
    // Connected already: follow() turns the phase to `in` now, sends `joined` and records the resume marker.
    this.stopFollowing = session.connection.subscribe((c) => this.follow(c));
  }

  /** Joins with the pre-join's choices; `moderator` when the person confirmed it. */
  async join(choices: MediaChoices, moderator: boolean, askLater = false): Promise<void> {
    const api = this.host.api;
    const create = this.host.createSession;
    if (!api || !create) throw new Error('<timio-conference> needs api and createSession (openConference sets both)');
    this.set({ phase: 'joining', askModerator: askLater });
    if ((!this.grant || (moderator && this.grant.role !== 'moderator')) && !(await this.fetchToken(moderator))) return;
    this.moderator = this.grant!.role === 'moderator';
    const session = create(this.grant!, api);
    this.session = session;
    this.stopFollowing = session.connection.subscribe((c) => this.follow(c));
    this.grant = undefined; // a token is used once; a rejoin asks for a fresh one
    await session.connect(choices);
    this.mediaStarted = session;
    this.recordWhenIn();
  }

  /** Connected and camera and microphone started: from now on the tab's next page takes the conference over. */
  private recordWhenIn(): void {
    const session = this.session;
    if (session && this.mediaStarted === session && this.phase === 'in') this.resumeRecorder.follow(session);
  }

  /** The person confirmed inside the conference that they moderate the room. */
  async confirmModerator(): Promise<void> {
    this.askModerator = false;
    // The connection keeps the token it joined with: the service marks the participant instead
    // (others, and the waiting room, see a moderator only by that mark).
    const api = this.host.api;
    this.moderator = api?.confirmModerator
      ? await api.confirmModerator().catch(() => false)
      : (await api?.token(true).catch(() => undefined))?.role === 'moderator';
    this.host.requestUpdate();
    this.resumeRecorder.save();
  }

  dismissModerator(): void {
    this.set({ askModerator: false });
    this.resumeRecorder.save();
  }

  leave(): Promise<void> {
    return this.finish('left');
  }

  /** Back to nothing (the ended view was closed). */
  reset(): void {
    this.set({ phase: 'idle', endReason: undefined });
  }

  private async fetchToken(moderator: boolean, early?: Promise<RoomTokenGrant>): Promise<boolean> {
    try {
      this.grant = await (early ?? this.host.api!.token(moderator));
      return true;
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'fallback';
      this.errorCode = code;
      await this.finish(code === 'room_full' ? 'full' : 'failed');
      return false;
    }
  }

  private follow(c: ConnectionState): void {
    if (c.phase === 'connected' && this.phase === 'joining') {
      this.set({ phase: 'in' });
      const detail = { room: this.host.room, moderator: this.moderator };
      // A page change is no new join for the host: `resumed`, never a second `joined`.
      this.host.dispatchEvent(this.resuming ? new TimioConferenceResumedEvent(detail) : new TimioConferenceJoinedEvent(detail));
      this.recordWhenIn();
    } else if (c.phase === 'disconnected') {
      const reason: EndReason = c.reason === 'room_ended' ? 'ended' : c.reason === 'removed' ? 'removed' : c.reason === 'left' ? 'left'
        : /full/i.test(c.error ?? '') ? 'full' : 'failed';
      void this.finish(reason);
    } else {
      this.host.requestUpdate();
    }
  }

  private async finish(reason: EndReason): Promise<void> {
    if (this.phase === 'ended' || this.phase === 'idle') return;
    const session = this.session;
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.session = undefined;
    this.set({ phase: 'ended', endReason: reason, askModerator: false });
    this.resumeRecorder.release(this.resuming);
    // The goodbye to the token service too (its room status gives a page change a grace), like the
    // session's own: only when the person leaves a live connection, never for a connection that
    // closed by itself (LiveKit leaves on pagehide; a slow navigation reports that as 'left').
    if (reason === 'left' && session && session.connection.value.phase !== 'disconnected') void this.host.api?.left?.().catch(() => undefined);
    await session?.leave();
    const room = this.host.room;
    this.host.dispatchEvent(reason === 'ended' ? new TimioConferenceEndedEvent({ room }) : new TimioConferenceLeftEvent({ room, reason }));
  }

  private set(patch: Partial<Pick<ConferenceJoin, 'phase' | 'endReason' | 'errorCode' | 'askModerator' | 'moderator'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
