// Runs inside Chromium: joins a room with the real livekit-client and records what the user sees.
import { Room, RoomEvent, Track, type RemoteTrack, type RemoteParticipant, type Participant } from 'livekit-client';

interface VideoStat { frames: number; width: number; height: number; firstFrameAt: number }
const state = {
  video: {} as Record<string, VideoStat>,
  audio: {} as Record<string, number>,
  events: [] as string[],
  chat: [] as string[],
  data: [] as string[],
  speakers: [] as string[][],
  disconnectReason: undefined as number | undefined,
  connectedAt: 0,
};
let room: Room | undefined;

function watchVideo(track: RemoteTrack, participant: RemoteParticipant) {
  const el = track.attach() as HTMLVideoElement;
  el.muted = true;
  document.body.appendChild(el);
  const key = `${participant.identity}/${track.source}`;
  const stat: VideoStat = { frames: 0, width: 0, height: 0, firstFrameAt: 0 };
  state.video[key] = stat;
  const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
    stat.frames += 1;
    if (stat.frames === 1) stat.firstFrameAt = Date.now();
    stat.width = meta.width;
    stat.height = meta.height;
    el.requestVideoFrameCallback(onFrame);
  };
  el.requestVideoFrameCallback(onFrame);
}

async function join(url: string, token: string, opts: { camera?: boolean; mic?: boolean; simulcast?: boolean; autoSubscribe?: boolean; width?: number; height?: number } = {}) {
  room = new Room({ singlePeerConnection: false, adaptiveStream: false, dynacast: false, publishDefaults: { simulcast: opts.simulcast ?? true } });
  room
    .on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
      state.events.push(`subscribed:${participant.identity}:${track.kind}`);
      if (track.kind === Track.Kind.Video) watchVideo(track, participant);
      if (track.kind === Track.Kind.Audio) {
        const el = track.attach();
        document.body.appendChild(el);
        state.audio[participant.identity] = (state.audio[participant.identity] ?? 0) + 1;
      }
    })
    .on(RoomEvent.TrackMuted, (pub, p: Participant) => state.events.push(`muted:${p.identity}:${pub.kind}`))
    .on(RoomEvent.TrackUnmuted, (pub, p: Participant) => state.events.push(`unmuted:${p.identity}:${pub.kind}`))
    .on(RoomEvent.ParticipantConnected, (p) => state.events.push(`joined:${p.identity}`))
    .on(RoomEvent.ParticipantDisconnected, (p) => state.events.push(`left:${p.identity}`))
    .on(RoomEvent.TrackUnpublished, (pub, p) => state.events.push(`unpublished:${p.identity}:${pub.kind}`))
    .on(RoomEvent.ParticipantAttributesChanged, (changed, p) => state.events.push(`attributes:${p.identity}:${JSON.stringify(changed)}`))
    .on(RoomEvent.ParticipantMetadataChanged, (_old, p) => state.events.push(`metadata:${p.identity}:${p.metadata}`))
    .on(RoomEvent.ParticipantNameChanged, (name, p) => state.events.push(`name:${p.identity}:${name}`))
    .on(RoomEvent.ChatMessage, (msg, p) => state.chat.push(`${p?.identity}:${msg.message}`))
    .on(RoomEvent.DataReceived, (payload, p, _kind, topic) => state.data.push(`${p?.identity ?? 'server'}:${topic ?? ''}:${new TextDecoder().decode(payload)}`))
    .on(RoomEvent.ActiveSpeakersChanged, (speakers) => state.speakers.push(speakers.map((s) => s.identity)))
    .on(RoomEvent.Reconnecting, () => state.events.push('reconnecting'))
    .on(RoomEvent.Reconnected, () => state.events.push('reconnected'))
    .on(RoomEvent.Disconnected, (reason) => {
      state.disconnectReason = reason;
      state.events.push(`disconnected:${reason}`);
    });
  room.registerTextStreamHandler('notes', async (reader, from) => {
    state.data.push(`text:${from.identity}:${await reader.readAll()}`);
  });
  await room.connect(url, token, { autoSubscribe: opts.autoSubscribe ?? true });
  state.connectedAt = Date.now();
  if (opts.camera ?? true) await room.localParticipant.setCameraEnabled(true, { resolution: { width: opts.width ?? 640, height: opts.height ?? 360, frameRate: 30 } });
  if (opts.mic ?? true) await room.localParticipant.setMicrophoneEnabled(true);
  return room.localParticipant.sid;
}

async function tryJoin(url: string, token: string): Promise<string> {
  const r = new Room({ singlePeerConnection: false });
  try {
    await r.connect(url, token, { maxRetries: 0 } as never);
    await r.disconnect();
    return 'connected';
  } catch (e) {
    const err = e as { message?: string; status?: number; reason?: unknown };
    return `error:${err.status ?? ''}:${err.message ?? String(e)}`;
  }
}

Object.assign(window, {
  lk: {
    join,
    tryJoin,
    state,
    room: () => room,
    leave: () => room?.disconnect(),
    sendChat: (text: string) => room!.localParticipant.sendChatMessage(text),
    sendData: (text: string, topic: string, destinationIdentities?: string[]) =>
      room!.localParticipant.publishData(new TextEncoder().encode(text), { reliable: true, topic, destinationIdentities }),
    sendText: (text: string) => room!.localParticipant.sendText(text, { topic: 'notes' }),
    sendLossy: (text: string, topic: string) => room!.localParticipant.publishData(new TextEncoder().encode(text), { reliable: false, topic }),
    setAttributes: (attrs: Record<string, string>) => room!.localParticipant.setAttributes(attrs),
    setMetadata: (m: string) => room!.localParticipant.setMetadata(m),
    muteCamera: (muted: boolean) => room!.localParticipant.setCameraEnabled(!muted),
    muteMic: (muted: boolean) => room!.localParticipant.setMicrophoneEnabled(!muted),
    shareScreen: (on: boolean) => room!.localParticipant.setScreenShareEnabled(on),
    unpublishCamera: async () => {
      const pub = room!.localParticipant.getTrackPublication(Track.Source.Camera);
      if (pub?.track) await room!.localParticipant.unpublishTrack(pub.track);
    },
    setQuality: (identity: string, quality: number) => {
      const p = room!.remoteParticipants.get(identity);
      p?.getTrackPublication(Track.Source.Camera)?.setVideoQuality(quality);
    },
    setSubscribed: (identity: string, subscribed: boolean) => {
      const p = room!.remoteParticipants.get(identity);
      p?.getTrackPublication(Track.Source.Camera)?.setSubscribed(subscribed);
    },
  },
});
