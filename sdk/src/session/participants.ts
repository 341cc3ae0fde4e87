// Reads one LiveKit participant into the session's plain ParticipantState. Only the participant
// an event concerns is read again; the others keep their objects, so views compare by identity.
import { Track, type Participant, type TrackPublication } from 'livekit-client';
import { ATTR_GUEST, ATTR_HAND, ATTR_MODERATOR } from '#protocol/attributes.js';
import type { ConnectionQuality, ParticipantState, TrackState } from './types.js';

export function readParticipant(p: Participant, isLocal: boolean, previous?: ParticipantState): ParticipantState {
  const attrs = p.attributes ?? {};
  const meta = parseMetadata(p.metadata);
  const state: ParticipantState = {
    identity: p.identity,
    name: p.name || previous?.name || p.identity,
    isLocal,
    guest: attrs[ATTR_GUEST] === '1' || meta.guest === true,
    moderator: attrs[ATTR_MODERATOR] === '1' || meta.role === 'moderator' || meta.moderator === true,
    speaking: p.isSpeaking,
    quality: qualityOf(p.connectionQuality),
    joinedAt: previous?.joinedAt ?? p.joinedAt?.getTime() ?? Date.now(),
  };
  const camera = readTrack(p.getTrackPublication(Track.Source.Camera));
  const microphone = readTrack(p.getTrackPublication(Track.Source.Microphone));
  const screen = readTrack(p.getTrackPublication(Track.Source.ScreenShare));
  const screenAudio = readTrack(p.getTrackPublication(Track.Source.ScreenShareAudio));
  if (camera) state.camera = reuse(camera, previous?.camera);
  if (microphone) state.microphone = reuse(microphone, previous?.microphone);
  if (screen) state.screen = reuse(screen, previous?.screen);
  if (screenAudio) state.screenAudio = reuse(screenAudio, previous?.screenAudio);
  const spoke = p.lastSpokeAt?.getTime() ?? previous?.lastSpokeAt;
  if (spoke !== undefined) state.lastSpokeAt = spoke;
  if (attrs[ATTR_HAND]) state.handRaisedAt = attrs[ATTR_HAND];
  return previous && participantEqual(previous, state) ? previous : state;
}

function readTrack(pub: TrackPublication | undefined): TrackState | undefined {
  if (!pub) return undefined;
  const media = pub.isMuted ? undefined : pub.track?.mediaStreamTrack;
  return { sid: pub.trackSid, muted: pub.isMuted, ...(media ? { track: media } : {}) };
}

function reuse(next: TrackState, previous: TrackState | undefined): TrackState {
  return previous && previous.sid === next.sid && previous.muted === next.muted && previous.track === next.track ? previous : next;
}

export function participantEqual(a: ParticipantState, b: ParticipantState): boolean {
  const keys = Object.keys(a) as (keyof ParticipantState)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

function parseMetadata(metadata: string | undefined): { guest?: unknown; role?: unknown; moderator?: unknown } {
  if (!metadata) return {};
  try {
    const parsed: unknown = JSON.parse(metadata);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

function qualityOf(value: unknown): ConnectionQuality {
  return value === 'excellent' || value === 'good' || value === 'poor' || value === 'lost' ? value : 'unknown';
}
