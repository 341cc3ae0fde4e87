// Runs inside Chromium (bundled by livekit-page.ts): the real livekit-client joins a room and this
// script records what a person in the call would see and hear, for tests to read back.
import {
  ConnectionError,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
} from 'livekit-client';

export interface VideoStat {
  frames: number;
  width: number;
  height: number;
  /** Frames decoded according to the receiver's stats (independent of painting). */
  framesDecoded: number;
  /** Width of the last decoded frame according to the receiver's stats (painting may lag on a busy machine). */
  decodedWidth: number;
  /** performance.now() of the painted frames: the first, the second (the video plays), the last. */
  firstFrameAt: number;
  secondFrameAt: number;
  lastFrameAt: number;
}

export interface PageEvent {
  type: string;
  at: number;
  identity?: string;
  kind?: string;
  source?: string;
  detail?: unknown;
}

export interface JoinOptions {
  camera?: boolean;
  mic?: boolean;
  simulcast?: boolean;
  autoSubscribe?: boolean;
  /** Camera capture size (default 640x360). */
  width?: number;
  height?: number;
  frameRate?: number;
  /** Attach remote video to <video> elements and count painted frames (default true). */
  render?: boolean;
  adaptiveStream?: boolean;
}

export type JoinResult = { ok: true; sid: string; identity: string; joinedAt: number } | { ok: false; message: string; reason?: number; status?: number };

const state = {
  video: {} as Record<string, VideoStat>,
  audio: {} as Record<string, { tracks: number }>,
  events: [] as PageEvent[],
  chat: [] as { from?: string; message: string }[],
  texts: [] as { from?: string; topic: string; text: string }[],
  data: [] as { from?: string; topic?: string; text: string }[],
  speakers: [] as string[][],
  disconnectReason: undefined as number | undefined,
  connectStartedAt: 0,
};
let room: Room | undefined;
let statsTimer: number | undefined;

function log(type: string, extra: Omit<PageEvent, 'type' | 'at'> = {}) {
  state.events.push({ type, at: performance.now(), ...extra });
}

function watchVideo(track: RemoteTrack, participant: RemoteParticipant, render: boolean) {
  const key = `${participant.identity}/${track.source}`;
  const stat: VideoStat = { frames: 0, width: 0, height: 0, framesDecoded: 0, decodedWidth: 0, firstFrameAt: 0, secondFrameAt: 0, lastFrameAt: 0 };
  state.video[key] = stat;
  if (!render) return;
  const el = track.attach() as HTMLVideoElement;
  el.muted = true;
  el.width = 160;
  el.dataset.key = key;
  document.body.appendChild(el);
  const onFrame = (now: number, meta: VideoFrameCallbackMetadata) => {
    if (state.video[key] !== stat) return;
    stat.frames += 1;
    stat.width = meta.width;
    stat.height = meta.height;
    if (!stat.firstFrameAt) stat.firstFrameAt = now;
    else if (!stat.secondFrameAt) stat.secondFrameAt = now;
    stat.lastFrameAt = now;
    el.requestVideoFrameCallback(onFrame);
  };
  el.requestVideoFrameCallback(onFrame);
}

async function pollReceiverStats() {
  if (!room) return;
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) {
      const track = pub.track;
      if (!track || track.kind !== Track.Kind.Video) continue;
      const stat = state.video[`${p.identity}/${track.source}`];
      const receiver = track.receiver;
      if (!stat || !receiver) continue;
      const report = await receiver.getStats();
      report.forEach((s: { type: string; framesDecoded?: number; frameWidth?: number; frameHeight?: number }) => {
        if (s.type !== 'inbound-rtp') return;
        stat.framesDecoded = s.framesDecoded ?? stat.framesDecoded;
        if (s.frameWidth) stat.decodedWidth = s.frameWidth;
        if (!stat.width && s.frameWidth) stat.width = s.frameWidth;
        if (!stat.height && s.frameHeight) stat.height = s.frameHeight;
      });
    }
  }
}

async function join(url: string, token: string, opts: JoinOptions = {}): Promise<JoinResult> {
  const render = opts.render ?? true;
  room = new Room({
    // v0 signalling (two peer connections) without probing /rtc/v1 on every connect
    singlePeerConnection: false,
    adaptiveStream: opts.adaptiveStream ?? false,
    dynacast: false,
    publishDefaults: { simulcast: opts.simulcast ?? true, videoSimulcastLayers: [VideoPresets.h180, VideoPresets.h360] },
  });
  const r = room;
  r.on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
    log('subscribed', { identity: participant.identity, kind: track.kind, source: track.source });
    if (track.kind === Track.Kind.Video) watchVideo(track, participant, render);
    if (track.kind === Track.Kind.Audio) {
      if (render) document.body.appendChild(track.attach());
      const a = (state.audio[participant.identity] ??= { tracks: 0 });
      a.tracks += 1;
    }
  })
    .on(RoomEvent.TrackUnsubscribed, (track, _pub, participant) => {
      log('unsubscribed', { identity: participant.identity, kind: track.kind, source: track.source });
      track.detach().forEach((el) => el.remove());
      if (track.kind === Track.Kind.Video) delete state.video[`${participant.identity}/${track.source}`];
      if (track.kind === Track.Kind.Audio && state.audio[participant.identity]) state.audio[participant.identity].tracks -= 1;
    })
    .on(RoomEvent.TrackPublished, (pub, p) => log('published', { identity: p.identity, kind: pub.kind, source: pub.source }))
    .on(RoomEvent.TrackUnpublished, (pub, p) => log('unpublished', { identity: p.identity, kind: pub.kind, source: pub.source }))
    .on(RoomEvent.TrackMuted, (pub, p: Participant) => log('muted', { identity: p.identity, kind: pub.kind, source: pub.source }))
    .on(RoomEvent.TrackUnmuted, (pub, p: Participant) => log('unmuted', { identity: p.identity, kind: pub.kind, source: pub.source }))
    .on(RoomEvent.ParticipantConnected, (p) => log('joined', { identity: p.identity, detail: { name: p.name, attributes: p.attributes } }))
    .on(RoomEvent.ParticipantDisconnected, (p) => log('left', { identity: p.identity }))
    .on(RoomEvent.ParticipantAttributesChanged, (changed, p) => log('attributes', { identity: p.identity, detail: changed }))
    .on(RoomEvent.ParticipantMetadataChanged, (_old, p) => log('metadata', { identity: p.identity, detail: p.metadata }))
    .on(RoomEvent.ParticipantNameChanged, (name, p) => log('name', { identity: p.identity, detail: name }))
    .on(RoomEvent.ParticipantPermissionsChanged, (_old, p) => log('permissions', { identity: p.identity, detail: p.permissions ? { canPublish: p.permissions.canPublish, canPublishData: p.permissions.canPublishData } : undefined }))
    .on(RoomEvent.RoomMetadataChanged, (metadata) => log('room-metadata', { detail: metadata }))
    .on(RoomEvent.ChatMessage, (msg, p) => {
      state.chat.push({ from: p?.identity, message: msg.message });
      log('chat', { identity: p?.identity, detail: msg.message });
    })
    .on(RoomEvent.DataReceived, (payload, p, _kind, topic) => {
      const text = new TextDecoder().decode(payload);
      state.data.push({ from: p?.identity, topic, text });
      log('data', { identity: p?.identity, detail: { topic, text } });
    })
    .on(RoomEvent.ActiveSpeakersChanged, (speakers) => {
      const ids = speakers.map((s) => s.identity);
      state.speakers.push(ids);
      log('speakers', { detail: ids });
    })
    .on(RoomEvent.Disconnected, (reason) => {
      state.disconnectReason = reason;
      log('disconnected', { detail: reason });
    })
    .on(RoomEvent.Reconnecting, () => log('reconnecting'))
    .on(RoomEvent.Reconnected, () => log('reconnected'))
    .on(RoomEvent.SignalReconnecting, () => log('signal-reconnecting'))
    .on(RoomEvent.MediaDevicesError, (e) => log('media-devices-error', { detail: String(e) }));
  r.registerTextStreamHandler('chat', async (reader, info) => {
    const text = await reader.readAll();
    state.texts.push({ from: info.identity, topic: 'chat', text });
    log('text', { identity: info.identity, detail: text });
  });
  statsTimer ??= window.setInterval(() => void pollReceiverStats().catch(() => undefined), 250);
  state.connectStartedAt = performance.now();
  try {
    await r.connect(url, token, { autoSubscribe: opts.autoSubscribe ?? true, maxRetries: 0 });
  } catch (err) {
    const e = err as ConnectionError;
    return { ok: false, message: String(e?.message ?? err), reason: e?.reason as number | undefined, status: e?.status };
  }
  const joinedAt = performance.now();
  await publish(opts);
  return { ok: true, sid: r.localParticipant.sid, identity: r.localParticipant.identity, joinedAt };
}

async function publish(opts: Pick<JoinOptions, 'camera' | 'mic' | 'width' | 'height' | 'frameRate'>) {
  const r = room!;
  if (opts.camera ?? true) {
    await r.localParticipant.setCameraEnabled(true, {
      resolution: { width: opts.width ?? 640, height: opts.height ?? 360, frameRate: opts.frameRate ?? 30 },
    });
  }
  if (opts.mic ?? true) await r.localParticipant.setMicrophoneEnabled(true);
}

/** Runs `fn` and reports its error message instead of throwing (for permission refusals). */
async function attempt(fn: () => Promise<unknown>): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

function remoteTrackSid(identity: string, source: string): string | undefined {
  const p = room?.remoteParticipants.get(identity);
  for (const pub of p?.trackPublications.values() ?? []) if (pub.source === source) return pub.trackSid;
  return undefined;
}

function ownTrackSid(source: string): string | undefined {
  for (const pub of room?.localParticipant.trackPublications.values() ?? []) if (pub.source === source) return pub.trackSid;
  return undefined;
}

/** The camera's simulcast layers as this browser sends them (for telling a test what was on offer). */
async function outboundVideo(source = 'camera') {
  const pub = [...(room?.localParticipant.trackPublications.values() ?? [])].find((p) => p.source === source);
  const sender = pub?.track?.sender;
  if (!sender) return [];
  const layers: Record<string, unknown>[] = [];
  (await sender.getStats()).forEach((s: Record<string, unknown>) => {
    if (s.type !== 'outbound-rtp') return;
    const { rid, ssrc, frameWidth, framesSent, keyFramesEncoded, pliCount, qualityLimitationReason } = s;
    layers.push({ rid, ssrc, frameWidth, framesSent, keyFramesEncoded, pliCount, qualityLimitationReason });
  });
  return layers;
}

/** What arrives of a remote video (for telling a test why no picture came). */
async function inboundVideo(identity: string, source = 'camera') {
  const pub = [...(room?.remoteParticipants.get(identity)?.trackPublications.values() ?? [])].find((p) => p.source === source);
  const receiver = pub?.track?.receiver;
  if (!receiver) return undefined;
  let found: Record<string, unknown> | undefined;
  (await receiver.getStats()).forEach((s: Record<string, unknown>) => {
    if (s.type !== 'inbound-rtp') return;
    const { ssrc, packetsReceived, framesDecoded, keyFramesDecoded, pliCount, firCount, nackCount } = s;
    found = { ssrc, packetsReceived, framesDecoded, keyFramesDecoded, pliCount, firCount, nackCount };
  });
  if (found) return found;
  // nothing arrived for this track: say what the subscriber connection receives at all, per mid
  const pc = (room as unknown as { engine: { pcManager?: { subscriber?: { getTransceivers?: () => RTCRtpTransceiver[]; pc?: RTCPeerConnection } } } }).engine
    .pcManager?.subscriber;
  const transceivers = pc?.pc?.getTransceivers() ?? [];
  const mine = transceivers.find((t) => t.receiver === receiver);
  const inbound: Record<string, unknown>[] = [];
  if (pc?.pc) {
    (await pc.pc.getStats()).forEach((s: Record<string, unknown>) => {
      if (s.type === 'inbound-rtp') inbound.push({ mid: s.mid, ssrc: s.ssrc, kind: s.kind, packetsReceived: s.packetsReceived });
    });
  }
  return { noInbound: true, mid: mine?.mid ?? null, direction: mine?.currentDirection ?? null, inbound };
}

function remoteParticipants() {
  return [...(room?.remoteParticipants.values() ?? [])].map((p) => ({
    identity: p.identity,
    sid: p.sid,
    name: p.name,
    metadata: p.metadata,
    attributes: { ...p.attributes },
    isSpeaking: p.isSpeaking,
    tracks: [...p.trackPublications.values()].map((pub: RemoteTrackPublication) => ({
      sid: pub.trackSid,
      kind: pub.kind,
      source: pub.source,
      muted: pub.isMuted,
      subscribed: pub.isSubscribed,
      simulcasted: pub.simulcasted,
    })),
  }));
}

const api = {
  state,
  join,
  publish,
  attempt,
  room: () => room,
  remoteParticipants,
  outboundVideo,
  inboundVideo,
  remoteTrackSid,
  ownTrackSid,
  local: () => ({
    identity: room?.localParticipant.identity,
    name: room?.localParticipant.name,
    metadata: room?.localParticipant.metadata,
    attributes: { ...(room?.localParticipant.attributes ?? {}) },
    permissions: room?.localParticipant.permissions ? { canPublish: room.localParticipant.permissions.canPublish, canPublishData: room.localParticipant.permissions.canPublishData } : undefined,
    tracks: [...(room?.localParticipant.trackPublications.values() ?? [])].map((pub) => ({ sid: pub.trackSid, kind: pub.kind, source: pub.source, muted: pub.isMuted })),
  }),
  connectionState: () => room?.state,
  leave: () => room?.disconnect(),
  sendChat: (text: string) => room!.localParticipant.sendChatMessage(text),
  sendText: (text: string, destinationIdentities?: string[]) => room!.localParticipant.sendText(text, { topic: 'chat', destinationIdentities }),
  publishData: (text: string, opts: { topic?: string; reliable?: boolean; destinationIdentities?: string[] } = {}) =>
    room!.localParticipant.publishData(new TextEncoder().encode(text), { reliable: opts.reliable ?? true, topic: opts.topic, destinationIdentities: opts.destinationIdentities }),
  setAttributes: (attrs: Record<string, string>) => room!.localParticipant.setAttributes(attrs),
  setMetadata: (m: string) => room!.localParticipant.setMetadata(m),
  setName: (n: string) => room!.localParticipant.setName(n),
  setCameraEnabled: (on: boolean) => room!.localParticipant.setCameraEnabled(on),
  setMicrophoneEnabled: (on: boolean) => room!.localParticipant.setMicrophoneEnabled(on),
  setScreenShareEnabled: (on: boolean) => room!.localParticipant.setScreenShareEnabled(on, { audio: true, resolution: { width: 1280, height: 720, frameRate: 15 } }),
  /** Stops and unpublishes the local track of `source` (not just muting it). */
  unpublish: async (source: string) => {
    const pub = [...(room?.localParticipant.trackPublications.values() ?? [])].find((p) => p.source === source);
    if (pub?.track) await room!.localParticipant.unpublishTrack(pub.track, true);
  },
  setSubscribed: (identity: string, source: string, subscribed: boolean) => {
    const p = room?.remoteParticipants.get(identity);
    for (const pub of p?.trackPublications.values() ?? []) if (pub.source === source) pub.setSubscribed(subscribed);
  },
  setVideoQuality: (identity: string, source: string, quality: number) => {
    const p = room?.remoteParticipants.get(identity);
    for (const pub of p?.trackPublications.values() ?? []) if (pub.source === source) pub.setVideoQuality(quality);
  },
  /** Kills the signal WebSocket as a network drop would (the client then reconnects). */
  dropSignal: () => {
    const ws = (room as unknown as { engine: { client: { ws?: WebSocket } } }).engine.client.ws;
    ws?.close();
  },
};

export type LiveKitPageApi = typeof api;
Object.assign(window, { lk: api });
