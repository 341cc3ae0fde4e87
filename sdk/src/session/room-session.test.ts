// RoomSession against a fake Room in node (no browser): what a view reads after each thing that
// happens in the room. The real Room against a media server is covered by e2e/call-window.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionQuality, DisconnectReason, RoomEvent, Track } from 'livekit-client';
import { waitUntil } from '../../../testing/wait.js';
import { FakeRoom } from '../../../testing/node/fake-room.js';
import { RoomSession } from './room-session.js';
import { LEAVE_TOPIC } from './departures.js';
import { CHAT_MAX_CHARS } from './chat.js';

function named(name: string, message = name): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

async function joined(options: { hands?: boolean[]; rejoinGraceMs?: number; earlyVideos?: number; autoSubscribe?: boolean; before?: (room: FakeRoom) => void; connecting?: (session: RoomSession) => void } = {}) {
  const room = new FakeRoom('anna', 'Anna Schmidt');
  options.before?.(room);
  const session = new RoomSession({
    url: 'ws://media', token: 't', room: room.asRoom(), ...(options.rejoinGraceMs ? { rejoinGraceMs: options.rejoinGraceMs } : {}),
    ...(options.earlyVideos !== undefined ? { earlyVideos: options.earlyVideos } : {}),
    ...(options.autoSubscribe !== undefined ? { autoSubscribe: options.autoSubscribe } : {}),
    listDevices: async (kind) => [{ deviceId: `${kind}-1`, label: `${kind} one`, kind, groupId: '' } as MediaDeviceInfo],
    setHand: async (raised) => void options.hands?.push(raised),
  });
  const phases: string[] = [];
  session.connection.subscribe((c) => {
    phases.push(c.phase);
    if (c.phase === 'connecting') options.connecting?.(session);
  });
  await session.connect();
  return { room, session, phases };
}

const find = (session: RoomSession, identity: string) => session.participants.value.find((p) => p.identity === identity);

describe('RoomSession', () => {
  it('connects, publishes camera and microphone, and lists this user first', async () => {
    const { room, session, phases } = await joined();
    assert.deepEqual(phases, ['idle', 'connecting', 'connected']);
    assert.equal(room.connectOptions?.autoSubscribe, false, 'videos are subscribed only when shown');
    const self = session.participants.value[0]!;
    assert.equal(self.identity, 'anna');
    assert.equal(self.isLocal, true);
    assert.equal(self.camera?.muted, false);
    assert.equal(self.microphone?.muted, false);
    assert.equal(session.local.value.cameraOn, true);
    assert.equal(session.local.value.micOn, true);
    assert.equal(session.local.value.camera?.id, 'local-camera');
    assert.deepEqual(session.devices.value.lists.videoinput, [{ id: 'videoinput-1', label: 'videoinput one' }]);
  });

  it('auto-subscribes when asked (the 1:1 call window: the media server adds the partner\'s tracks as they are published)', async () => {
    const { room } = await joined({ autoSubscribe: true });
    assert.equal(room.connectOptions?.autoSubscribe, true);
  });

  it('publishWhileConnecting (a call resumed on the next page): the camera goes out once the signal is up, before the connection is complete; by default only after', async () => {
    for (const early of [true, false]) {
      const room = new FakeRoom('anna', 'Anna Schmidt');
      let complete!: () => void;
      room.connectGate = new Promise<void>((resolve) => (complete = resolve));
      const session = new RoomSession({ url: 'ws://media', token: 't', room: room.asRoom(), publishWhileConnecting: early, listDevices: async () => [] });
      const connected = session.connect();
      await new Promise((r) => setTimeout(r, 20));
      const published = () => !!room.localParticipant.getTrackPublication(Track.Source.Camera);
      assert.equal(published(), early, early ? 'published while connecting' : 'nothing published before connected');
      assert.equal(session.connection.value.phase, 'connecting');
      complete();
      await connected;
      assert.equal(published(), true);
      assert.equal(session.local.value.cameraOn, true);
    }
  });

  it('publishWhileConnecting and the connection fails: the devices stop, nothing is published, no second start of them', async () => {
    const room = new FakeRoom('anna', 'Anna Schmidt');
    room.connectError = new Error('could not establish signal connection');
    const session = new RoomSession({ url: 'ws://media', token: 't', room: room.asRoom(), publishWhileConnecting: true, listDevices: async () => [] });
    await session.connect();
    assert.equal(session.connection.value.phase, 'disconnected');
    await waitUntil(() => room.localParticipant.created.length > 0 && room.localParticipant.created.every((t) => t.stopped), 'the camera and microphone stop');
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(room.localParticipant.created.length, 2, 'camera and microphone started once');
    assert.equal(room.localParticipant.trackPublications.size, 0);
    assert.deepEqual(session.problems.value, [], 'the failed connection is the problem, not the devices');
  });

  it('shows who joins: name, guest and moderator flags, raised hand, tracks with muted state, quality', async () => {
    const { room, session } = await joined();
    room.join('ben', 'Ben Müller', { attributes: { 'timio.guest': '1' } });
    room.join('carla', 'Carla Rossi', { metadata: JSON.stringify({ role: 'moderator' }), attributes: { 'timio.hand': '2026-01-01T10:00:00.000Z' } });
    assert.deepEqual(session.participants.value.map((p) => p.identity), ['anna', 'ben', 'carla']);
    assert.equal(find(session, 'ben')?.guest, true);
    assert.equal(find(session, 'ben')?.moderator, false);
    assert.equal(find(session, 'carla')?.moderator, true);
    assert.equal(find(session, 'carla')?.handRaisedAt, '2026-01-01T10:00:00.000Z');

    room.publish('ben', Track.Source.Microphone);
    room.publish('ben', Track.Source.Camera);
    const ben = find(session, 'ben')!;
    assert.equal(ben.microphone?.muted, false);
    assert.ok(ben.microphone?.track, 'audio is always received');
    assert.ok(ben.camera?.track, 'before a view says what it shows, video is received');

    const carlaBefore = find(session, 'carla');
    room.mute('ben', Track.Source.Microphone, true);
    assert.equal(find(session, 'ben')?.microphone?.muted, true);
    assert.equal(find(session, 'ben')?.microphone?.track, undefined);
    assert.equal(find(session, 'carla'), carlaBefore, 'an event about Ben leaves Carla’s state object as it was');

    room.quality('ben', ConnectionQuality.Poor);
    assert.equal(find(session, 'ben')?.quality, 'poor');
  });

  it('speaking, hands raised through the token service, and who left', async () => {
    const hands: boolean[] = [];
    const { room, session } = await joined({ hands });
    room.join('ben', 'Ben Müller');
    room.speak(['ben']);
    assert.equal(find(session, 'ben')?.speaking, true);
    assert.ok(find(session, 'ben')?.lastSpokeAt);
    room.speak([]);
    assert.equal(find(session, 'ben')?.speaking, false);

    await session.setHandRaised(true);
    assert.deepEqual(hands, [true]);
    // The token service sets the attribute; the session shows it when the room says so.
    room.setAttributes('anna', { 'timio.hand': '2026-01-01T10:00:00.000Z' });
    assert.equal(find(session, 'anna')?.handRaisedAt, '2026-01-01T10:00:00.000Z');
    room.setAttributes('anna', { 'timio.hand': '' });
    assert.equal(find(session, 'anna')?.handRaisedAt, undefined);

    room.leave('ben');
    assert.equal(find(session, 'ben'), undefined);
    assert.deepEqual(session.departed.value, ['ben']);
    room.join('ben', 'Ben Müller');
    assert.deepEqual(session.departed.value, []);
  });

  it('conference: who goes without a goodbye stays listed as reconnecting until back (same place) or the grace ends', async () => {
    const { room, session } = await joined({ rejoinGraceMs: 300 });
    // LiveKit names the sender while they are in the room; after that only the payload does.
    const goodbye = (identity: string) => room.emit(RoomEvent.DataReceived, new TextEncoder().encode(JSON.stringify({ type: 'leave', identity })), room.remoteParticipants.get(identity), undefined, LEAVE_TOPIC);
    room.join('ben', 'Ben Müller');
    room.join('carla', 'Carla Rossi');
    room.publish('ben', Track.Source.Camera);
    const benBefore = find(session, 'ben')!;

    // A page change of Ben's: out of the LiveKit room, no goodbye.
    room.leave('ben');
    assert.deepEqual(session.participants.value.map((p) => p.identity), ['anna', 'ben', 'carla']);
    assert.equal(find(session, 'ben')?.reconnecting, true);
    assert.equal(find(session, 'ben')?.camera?.track, undefined, 'his media went with his page');
    assert.deepEqual(session.departed.value, []);
    room.speak([]); // a refresh of everyone keeps him too
    assert.equal(find(session, 'ben')?.reconnecting, true);
    // Back from his next page: in his old place, no longer reconnecting.
    room.join('ben', 'Ben Müller');
    room.publish('ben', Track.Source.Camera);
    assert.deepEqual(session.participants.value.map((p) => p.identity), ['anna', 'ben', 'carla']);
    assert.equal(find(session, 'ben')?.reconnecting, undefined);
    assert.ok(find(session, 'ben')?.camera?.track);
    assert.equal(find(session, 'ben')?.joinedAt, benBefore.joinedAt);

    // A real leave says goodbye first (or just after: data and signalling travel apart): gone at once.
    room.leave('ben');
    goodbye('ben');
    assert.equal(find(session, 'ben'), undefined);
    assert.deepEqual(session.departed.value, ['ben']);
    room.join('ben', 'Ben Müller');
    goodbye('ben');
    room.leave('ben');
    assert.equal(find(session, 'ben'), undefined);

    // A payload naming someone still in the room (a forgery) changes nothing.
    room.emit(RoomEvent.DataReceived, new TextEncoder().encode(JSON.stringify({ type: 'leave', identity: 'carla' })), undefined, undefined, LEAVE_TOPIC);
    assert.equal(find(session, 'carla')?.reconnecting, undefined);
    // Removed by a moderator (LiveKit gives the reason with the departure): gone at once, no grace.
    room.join('dora', 'Dora Gast');
    room.leave('dora', DisconnectReason.PARTICIPANT_REMOVED);
    assert.equal(find(session, 'dora'), undefined, 'a removed participant leaves the list at once');
    assert.ok((session.departed.value as string[]).includes('dora'));
    // Gone without a goodbye and not back: gone after the grace.
    room.leave('carla');
    assert.equal(find(session, 'carla')?.reconnecting, true);
    await waitUntil(() => !find(session, 'carla'), 'Carla gone after the grace', 10_000);
    assert.deepEqual(session.departed.value, ['ben', 'dora', 'carla']);
  });

  it('a 1:1 call (no grace): who leaves is gone at once', async () => {
    const { room, session } = await joined();
    room.join('ben', 'Ben Müller');
    room.leave('ben');
    assert.equal(find(session, 'ben'), undefined);
  });

  it('a 1:1 call that became a meeting (becomeMeeting): the same connection, then chat and hand through the token service and the rejoin grace', async () => {
    const hands: boolean[] = [];
    const { room, session } = await joined({ autoSubscribe: true, hands });
    room.join('ben', 'Ben Müller');
    const connects = room.connectOptions;
    const posted: string[] = [];
    const raised: boolean[] = [];
    session.becomeMeeting({
      rejoinGraceMs: 300,
      setHand: async (r) => void raised.push(r),
      chat: {
        history: async () => [],
        send: async (text) => (posted.push(text), { id: 'm1', from: { identity: 'anna', name: 'Anna Schmidt', guest: false }, at: new Date().toISOString(), text }),
      },
    });
    assert.equal(room.connectOptions, connects, 'no new connect');
    assert.equal(session.connection.value.phase, 'connected');
    await session.sendChat('Hallo zusammen');
    assert.deepEqual(posted, ['Hallo zusammen'], 'chat through the token service');
    assert.deepEqual(room.localParticipant.sent, [], 'nothing over text streams any more');
    await session.setHandRaised(true);
    assert.deepEqual([raised, hands], [[true], []], 'the hand through the meeting\'s route');
    // Ben changes pages: listed as reconnecting for the grace, as in any conference (a 1:1 call drops him at once).
    room.leave('ben');
    assert.equal(find(session, 'ben')?.reconnecting, true);
    await waitUntil(() => !find(session, 'ben'), 'Ben gone after the grace', 10_000);
  });

  it('conference: the first cameras are asked for as soon as the join is answered, before the view reports', async () => {
    const cams: Record<string, ReturnType<FakeRoom['publish']>> = {};
    let session!: RoomSession;
    ({ session } = await joined({
      earlyVideos: 2,
      before: (room) => {
        for (const id of ['ben', 'carla', 'dora']) {
          room.join(id, id);
          cams[id] = room.publish(id, Track.Source.Camera);
        }
        // LiveKit sends no events for what the join's answer lists: only SignalConnected.
        for (const pub of Object.values(cams)) pub.setSubscribed(false);
      },
      // The stage reports before the room is connected, when it knows nobody yet.
      connecting: (s) => s.showVideos([]),
    }));
    assert.deepEqual(Object.entries(cams).map(([id, pub]) => `${id}:${pub.isSubscribed}`), ['ben:true', 'carla:true', 'dora:false']);
    // The view's report decides from then on.
    session.showVideos([{ identity: 'dora', source: 'camera', width: 320, height: 180 }]);
    assert.deepEqual(Object.entries(cams).map(([id, pub]) => `${id}:${pub.isSubscribed}`), ['ben:false', 'carla:false', 'dora:true']);
  });

  it('receives only the videos a view shows, at the size shown', async () => {
    const { room, session } = await joined();
    room.join('ben', 'Ben Müller');
    room.join('carla', 'Carla Rossi');
    const benCam = room.publish('ben', Track.Source.Camera);
    const carlaCam = room.publish('carla', Track.Source.Camera);
    const carlaMic = room.publish('carla', Track.Source.Microphone);
    session.showVideos([{ identity: 'ben', source: 'camera', width: 320, height: 180 }]);
    assert.equal(benCam.isSubscribed, true);
    assert.deepEqual(benCam.dimensions, { width: 320, height: 180 });
    assert.equal(carlaCam.isSubscribed, false, 'a tile off screen is not received');
    assert.equal(find(session, 'carla')?.camera?.track, undefined);
    assert.equal(carlaMic.isSubscribed, true, 'everyone is heard');
    // Page change: Carla on screen, Ben off.
    session.showVideos([{ identity: 'carla', source: 'camera', width: 640, height: 360 }]);
    assert.equal(benCam.isSubscribed, false);
    assert.equal(carlaCam.isSubscribed, true);
    assert.ok(find(session, 'carla')?.camera?.track);
    // A screen shared later is not received until shown.
    const screen = room.publish('ben', Track.Source.ScreenShare);
    assert.equal(screen.isSubscribed, false);
  });

  it('reports a denied camera and a missing microphone, and keeps what works', async () => {
    const room = new FakeRoom('anna', 'Anna');
    room.localParticipant.failures.set(Track.Source.Camera, named('NotAllowedError', 'Permission denied'));
    const session = new RoomSession({ url: 'ws://x', token: 't', room: room.asRoom(), listDevices: async () => [] });
    await session.connect();
    assert.deepEqual(session.problems.value, [{ source: 'camera', failure: 'permission_denied' }]);
    assert.equal(session.local.value.cameraOn, false);
    assert.equal(session.local.value.micOn, true);
    room.localParticipant.failures.set(Track.Source.Microphone, named('NotFoundError'));
    await session.setMicrophoneEnabled(false);
    await session.setMicrophoneEnabled(true);
    assert.deepEqual(session.problems.value.map((p) => `${p.source}:${p.failure}`), ['camera:permission_denied', 'microphone:no_device']);
    room.localParticipant.failures.delete(Track.Source.Camera);
    await session.setCameraEnabled(true);
    assert.deepEqual(session.problems.value.map((p) => p.source), ['microphone'], 'a source that works again is no problem any more');
  });

  it('closing the screen picker is not a problem; the system refusing it is', async () => {
    const { room, session } = await joined();
    room.localParticipant.failures.set(Track.Source.ScreenShare, named('NotAllowedError', 'Permission denied by user'));
    await session.setScreenShareEnabled(true);
    assert.deepEqual(session.problems.value, []);
    room.localParticipant.failures.set(Track.Source.ScreenShare, named('NotAllowedError', 'Permission denied by system'));
    await session.setScreenShareEnabled(true);
    assert.deepEqual(session.problems.value, [{ source: 'screen', failure: 'permission_denied' }]);
    room.localParticipant.failures.delete(Track.Source.ScreenShare);
    await session.setScreenShareEnabled(true);
    assert.equal(session.local.value.screenSharing, true);
    assert.ok(find(session, 'anna')?.screen);
  });

  it('chat: the sender is the identity the server stamped, never the text; long messages are refused', async () => {
    const { room, session } = await joined();
    room.join('ben', 'Ben Müller');
    room.receiveText('ben', '{"from":"carla"} Hallo zusammen', 'timio.chat');
    await new Promise((r) => setImmediate(r));
    const [first] = session.chat.value;
    assert.equal(first?.from, 'ben');
    assert.equal(first?.fromName, 'Ben Müller');
    assert.equal(first?.text, '{"from":"carla"} Hallo zusammen');
    room.receiveText('ben', 'other topic', 'something.else');
    await session.sendChat('  Guten Morgen ');
    assert.deepEqual(room.localParticipant.sent, [{ text: 'Guten Morgen', topic: 'timio.chat' }]);
    assert.deepEqual(session.chat.value.map((m) => [m.from, m.mine, m.text]), [['ben', false, '{"from":"carla"} Hallo zusammen'], ['anna', true, 'Guten Morgen']]);
    await assert.rejects(session.sendChat('x'.repeat(CHAT_MAX_CHARS + 1)), /at most 2000/);
  });

  it('conference chat through the token service: history for a late joiner, server data only, no doubles', async () => {
    const room = new FakeRoom('anna', 'Anna Schmidt');
    const msg = (id: string, identity: string, at: string, text: string) => ({ id, from: { identity, name: identity.toUpperCase(), guest: identity === 'gast' }, at, text });
    const posted: string[] = [];
    const session = new RoomSession({
      url: 'ws://media', token: 't', room: room.asRoom(), listDevices: async () => [],
      chat: {
        history: async () => [msg('1', 'ben', '2026-11-26T10:00:00Z', 'früher'), msg('2', 'gast', '2026-11-26T10:01:00Z', 'hallo')],
        send: async (text) => (posted.push(text), msg('3', 'anna', '2026-11-26T10:05:00Z', text)),
      },
    });
    await session.connect();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(session.chat.value.map((m) => [m.id, m.from, m.fromName, m.guest]), [['1', 'ben', 'BEN', false], ['2', 'gast', 'GAST', true]]);
    const data = (m: unknown) => new TextEncoder().encode(JSON.stringify({ type: 'chat', message: m }));
    // A participant sending data on the chat topic cannot post in another's name: only server data counts.
    room.emit('dataReceived', data(msg('x', 'carla', '2026-11-26T10:02:00Z', 'forged')), { identity: 'ben' }, 0, 'timio.chat');
    room.emit('dataReceived', data(msg('4', 'carla', '2026-11-26T10:03:00Z', 'neu')), undefined, 0, 'timio.chat');
    await session.sendChat(' Antwort ');
    // The same message delivered again as data after the POST answered: shown once.
    room.emit('dataReceived', data(msg('3', 'anna', '2026-11-26T10:05:00Z', 'Antwort')), undefined, 0, 'timio.chat');
    assert.deepEqual(posted, ['Antwort']);
    assert.deepEqual(session.chat.value.map((m) => [m.id, m.mine, m.text]), [['1', false, 'früher'], ['2', false, 'hallo'], ['4', false, 'neu'], ['3', true, 'Antwort']]);
    assert.deepEqual(room.localParticipant.sent, [], 'nothing over text streams');
  });

  it('connection: reconnecting, back, and why it ended', async () => {
    const { room, session, phases } = await joined();
    room.emit('reconnecting');
    room.emit('reconnected');
    room.drop(DisconnectReason.ROOM_DELETED);
    assert.deepEqual(phases.slice(3), ['reconnecting', 'connected', 'disconnected']);
    assert.equal(session.connection.value.reason, 'room_ended');

    const failing = new FakeRoom('anna', 'Anna');
    failing.connectError = new Error('could not establish signal connection');
    const s2 = new RoomSession({ url: 'ws://x', token: 't', room: failing.asRoom(), listDevices: async () => [] });
    await s2.connect();
    assert.deepEqual(s2.connection.value, { phase: 'disconnected', reason: 'failed', error: 'could not establish signal connection' });
  });

  it('leaving stops every listener', async () => {
    const { room, session } = await joined();
    let calls = 0;
    session.participants.subscribe(() => calls++);
    const before = calls;
    await session.leave();
    room.join('ben', 'Ben');
    assert.equal(calls, before);
  });
});
