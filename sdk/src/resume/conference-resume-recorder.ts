// Tells the page (ConferenceResumeStore, resume/conference-resume.ts) what the next page of this tab needs to
// take the conference over: the room, camera and microphone as they are now, the role, and the
// newest chat message seen. Saved when the person is in the meeting and after each change; cleared
// when they are out of it for good (left, removed, ended, failed).
import type { ConferenceResumeStore, ResumableConference } from './conference-resume.js';
import type { SessionApi } from '../session/session-api.js';

export interface ResumeRecorderHost {
  room: string;
  roomName: string;
  resumeStore?: ConferenceResumeStore;
}

export interface ResumeRole {
  moderator: boolean;
  askModerator: boolean;
}

export class ConferenceResumeRecorder {
  private stops: Array<() => void> = [];
  private session?: SessionApi;
  private held = false;

  constructor(private readonly host: ResumeRecorderHost, private readonly role: () => ResumeRole) {}

  /** The person is in the meeting on `session`: remember it now and after every change. */
  follow(session: SessionApi): void {
    this.stop();
    this.session = session;
    this.held = true;
    this.stops.push(session.local.subscribe(() => this.save()));
    this.stops.push(session.chat.subscribe(() => this.save()));
  }

  /** Role or name changed (a confirmed moderator, a dismissed question). */
  save(): void {
    const session = this.session;
    if (!this.held || !session || !this.host.resumeStore) return;
    const local = session.local.value;
    // A camera or microphone change under way reports again when it settles.
    if (local.busy) return;
    const role = this.role();
    const last = session.chat.value.at(-1);
    const state: ResumableConference = {
      room: this.host.room,
      camera: local.cameraOn,
      microphone: local.micOn,
      moderator: role.moderator,
      ...(role.askModerator ? { askModerator: true } : {}),
      ...(this.host.roomName ? { roomName: this.host.roomName } : {}),
      ...(last ? { chatSeenAt: last.at } : {}),
    };
    this.host.resumeStore.save(state);
  }

  /**
   * Out of the meeting for good: the tab holds nothing any more. `taken`: the tab's marker came
   * from its previous page (a resume that ended before it was in), so it goes too.
   */
  release(taken = false): void {
    const was = this.held;
    this.stop();
    if (was || taken) this.host.resumeStore?.clear(this.host.room);
  }

  private stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.session = undefined;
    this.held = false;
  }
}
