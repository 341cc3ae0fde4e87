// A participant's state in a room: identity, permissions, published tracks, subscriptions and its
// two peer connections. The room applies the rules; this class only holds and describes state.
import {
  DisconnectReason,
  ParticipantInfo,
  ParticipantInfo_State,
  ParticipantPermission,
  SignalResponse,
  TrackSource,
  type TrackInfo,
} from '@livekit/protocol';
import type { AccessClaims } from '../auth/access-token.js';
import type { DownTrack } from '../rtc/down-track.js';
import type { PublishedTrack } from '../rtc/published-track.js';
import type { PublisherConnection } from '../rtc/publisher-connection.js';
import type { SubscriberConnection } from '../rtc/subscriber-connection.js';
import { newSid } from './ids.js';

/** Where a participant's signal responses go (its WebSocket). */
export interface SignalSink {
  send(message: SignalResponse['message']): void;
  close(): void;
}

const SOURCE_NAMES: Record<string, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

export function permissionFromClaims(claims: AccessClaims): ParticipantPermission {
  const v = claims.video;
  const sources = (v.canPublishSources ?? [])
    .map((s) => SOURCE_NAMES[String(s).toLowerCase()])
    .filter((s): s is TrackSource => s !== undefined);
  return new ParticipantPermission({
    canSubscribe: v.canSubscribe ?? true,
    canPublish: v.canPublish ?? true,
    canPublishData: v.canPublishData ?? true,
    canPublishSources: sources,
    hidden: v.hidden ?? false,
    canUpdateMetadata: v.canUpdateOwnMetadata ?? false,
  });
}

export class Participant {
  readonly sid = newSid('PA');
  readonly joinedAtMs = Date.now();
  readonly identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permission: ParticipantPermission;
  state = ParticipantInfo_State.JOINING;
  /** Why they were disconnected, once they are: LiveKit tells the others with the update (removed, room deleted, …). */
  disconnectReason = DisconnectReason.UNKNOWN_REASON;
  version = 1;
  readonly autoSubscribe: boolean;
  /** Published tracks by track sid. */
  readonly published = new Map<string, PublishedTrack>();
  /** addTrack requests answered but not yet seen in an offer, by client track id (cid). */
  readonly pendingTracks = new Map<string, TrackInfo>();
  /** Tracks this participant receives, by track sid. */
  readonly subscriptions = new Map<string, DownTrack>();
  /** Explicit subscribe/unsubscribe choices by track sid (override auto-subscribe). */
  readonly subscriptionChoices = new Map<string, boolean>();
  /** Subscriber layer settings by track sid (kept for tracks subscribed later). */
  readonly trackSettings = new Map<string, { quality: number; disabled: boolean; width: number; height: number }>();
  /** Tracks announced in an offer, by mid (published once media arrives). */
  readonly tracksByMid = new Map<string, PublishedTrack>();
  lastReliableSequence = 0;
  publisher?: PublisherConnection;
  subscriber?: SubscriberConnection;
  connected = false;

  constructor(
    claims: AccessClaims,
    readonly signal: SignalSink,
    opts: { autoSubscribe: boolean; clientInfo?: { sdk?: string; protocol?: number } },
  ) {
    this.identity = claims.identity;
    this.name = claims.name;
    this.metadata = claims.metadata;
    this.attributes = { ...claims.attributes };
    this.permission = permissionFromClaims(claims);
    this.autoSubscribe = opts.autoSubscribe;
  }

  send(message: SignalResponse['message']): void {
    this.signal.send(message);
  }

  canPublishSource(source: TrackSource): boolean {
    if (!this.permission.canPublish) return false;
    const allowed = this.permission.canPublishSources;
    return allowed.length === 0 || allowed.includes(source);
  }

  bumpVersion(): void {
    this.version += 1;
  }

  toInfo(): ParticipantInfo {
    return new ParticipantInfo({
      sid: this.sid,
      identity: this.identity,
      name: this.name,
      metadata: this.metadata,
      attributes: { ...this.attributes },
      state: this.state,
      disconnectReason: this.disconnectReason,
      tracks: [...this.published.values()].map((t) => t.info.clone()),
      joinedAt: BigInt(Math.floor(this.joinedAtMs / 1000)),
      joinedAtMs: BigInt(this.joinedAtMs),
      version: this.version,
      permission: this.permission.clone(),
      isPublisher: this.published.size > 0,
    });
  }
}
