// A stand-in for the token service's room routes (ROOM seam: token with canModerate, status,
// hand, end, mute, mute-all, remove, chat) for the conference's screenshots and checks while the
// server side lives on another branch. It acts on the real media server through livekit-server-sdk
// exactly as the contract says the service does (attributes, MutePublishedTrack, RemoveParticipant,
// DeleteRoom, SendData on topic timio.chat). The bearer token is the user's id; nothing else is checked.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DataPacket_Kind, RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { DEV_API_KEY, DEV_API_SECRET, roomToken } from '../../testing/tokens.js';

export interface StandInOptions {
  mediaUrl: string;
  people: Record<string, { name: string; moderatorOf?: string[] }>;
  rooms: Record<string, string>;
}

export function roomRoutesStandIn(options: StandInOptions) {
  const service = new RoomServiceClient(options.mediaUrl.replace(/^ws/, 'http'), DEV_API_KEY, DEV_API_SECRET);
  const chats = new Map<string, Array<{ id: string; from: { identity: string; name: string; guest: boolean }; at: string; text: string }>>();
  const started = new Map<string, string>();
  let seq = 0;
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const user = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const person = options.people[user];
    if (!person) return send(res, 401, { error: { code: 'unauthorized', message: 'unknown user' } });
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : {};
    const m = /^\/v1\/rooms\/([^/]+)(\/.*)?$/.exec(path);
    if (req.method === 'POST' && path === '/v1/token') {
      const room = String(body.room);
      const canModerate = !!person.moderatorOf?.includes(room);
      const role = canModerate && body.moderator === true ? 'moderator' : 'member';
      const token = await roomToken(user, room, { canPublish: true, canSubscribe: true, canPublishData: true }, { name: person.name, attributes: role === 'moderator' ? { 'timio.moderator': '1' } : {} });
      if (!started.has(room)) started.set(room, new Date().toISOString());
      return send(res, 200, { token, url: options.mediaUrl, identity: user, room, role, canModerate });
    }
    if (!m) return send(res, 404, { error: { code: 'not_found', message: path } });
    const room = decodeURIComponent(m[1]!);
    const rest = m[2] ?? '';
    const moderator = !!person.moderatorOf?.includes(room);
    const forbid = () => send(res, 403, { error: { code: 'forbidden', message: 'moderators only' } });
    if (req.method === 'GET' && rest === '') return send(res, 200, { id: room, name: options.rooms[room] ?? room, running: true, startedAt: started.get(room), count: 0, participants: [] });
    if (req.method === 'POST' && rest === '/hand') {
      const who = body.identity ?? user;
      if (who !== user && !moderator) return forbid();
      await service.updateParticipant(room, who, { attributes: { 'timio.hand': body.raised ? new Date().toISOString() : '' } });
      return send(res, 200, { room, identity: who, raised: !!body.raised });
    }
    if (req.method === 'POST' && rest === '/end') {
      if (!moderator) return forbid();
      await service.deleteRoom(room);
      chats.delete(room);
      return send(res, 200, { ended: true });
    }
    if (req.method === 'POST' && rest === '/mute-all') {
      if (!moderator) return forbid();
      let n = 0;
      for (const p of await service.listParticipants(room)) {
        if (p.identity === user) continue;
        for (const t of p.tracks) if (t.source === TrackSource.MICROPHONE && !t.muted) (await service.mutePublishedTrack(room, p.identity, t.sid, true), n++);
      }
      return send(res, 200, { muted: n });
    }
    const who = /^\/participants\/([^/]+)(\/mute)?$/.exec(rest);
    if (who) {
      if (!moderator) return forbid();
      const identity = decodeURIComponent(who[1]!);
      if (req.method === 'DELETE' && !who[2]) return (await service.removeParticipant(room, identity), send(res, 200, { removed: true }));
      const p = await service.getParticipant(room, identity);
      const source = body.source === 'camera' ? TrackSource.CAMERA : TrackSource.MICROPHONE;
      for (const t of p.tracks) if (t.source === source) await service.mutePublishedTrack(room, identity, t.sid, true);
      return send(res, 200, { muted: true });
    }
    if (rest === '/chat') {
      const list = chats.get(room) ?? [];
      if (req.method === 'GET') return send(res, 200, { messages: list });
      const text = String(body.text ?? '').trim();
      if (!text || [...text].length > 2000) return send(res, 400, { error: { code: 'invalid_input', message: '1..2000 characters' } });
      const message = { id: `m${++seq}`, from: { identity: user, name: person.name, guest: false }, at: new Date().toISOString(), text };
      chats.set(room, [...list, message]);
      await service.sendData(room, new TextEncoder().encode(JSON.stringify({ type: 'chat', message })), DataPacket_Kind.RELIABLE, { topic: 'timio.chat' });
      return send(res, 200, { message });
    }
    return send(res, 404, { error: { code: 'not_found', message: path } });
  };
}
