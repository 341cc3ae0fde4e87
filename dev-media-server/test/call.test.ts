// One call from start to end, as the people in it observe it: two browsers running the real
// livekit-client (fake camera and microphone) plus a Node participant, the server-side SDK acting
// as the product's backend, and a webhook receiver. The steps share the room and run in order.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DisconnectReason, TrackSource } from '@livekit/protocol';
import { DataPacket_Kind, RoomServiceClient } from 'livekit-server-sdk';
import { startMediaServer, type MediaServer } from '../src/server.js';
import { startLiveKitPageHost, type LiveKitPage, type LiveKitPageHost } from '../../testing/cross-process/livekit-page.js';
import { SignalParticipant } from '../../testing/node/signal-participant.js';
import { DEV_API_KEY, DEV_API_SECRET, roomToken } from '../../testing/node/tokens.js';
import { waitUntil } from '../../testing/wait.js';
import { startWebhookSink, type WebhookSink } from '../../testing/node/webhook-receiver.js';

const ROOM = 'weekly-sync';
let media: MediaServer;
let hooks: WebhookSink;
let host: LiveKitPageHost;
let api: RoomServiceClient;
let alice: LiveKitPage;
let bob: LiveKitPage;
let carol: SignalParticipant;

before(async () => {
  hooks = await startWebhookSink();
  media = await startMediaServer({ port: 0, webhookUrls: [hooks.url] });
  api = new RoomServiceClient(media.url.replace('ws:', 'http:'), DEV_API_KEY, DEV_API_SECRET);
  host = await startLiveKitPageHost();
  [alice, bob] = await Promise.all([host.open('alice'), host.open('bob')]);
});
after(async () => {
  await carol?.close();
  await host?.close();
  await media?.close();
  await hooks?.close();
});

async function trackSid(identity: string, source: TrackSource): Promise<string> {
  const info = await api.getParticipant(ROOM, identity);
  const track = info.tracks.find((t) => t.source === source);
  assert.ok(track, `${identity} publishes ${TrackSource[source]}`);
  return track.sid;
}

describe('a call between two browsers', { timeout: 600_000 }, () => {
  test('each decodes the other one\'s camera: non-zero size, advancing frames', async () => {
    await alice.join(media.url, await roomToken('alice', ROOM, {}, { name: 'Alice', metadata: '{"dept":"ops"}' }));
    await bob.join(media.url, await roomToken('bob', ROOM, { canUpdateOwnMetadata: true }, { name: 'Bob' }));
    const seenByBob = await bob.waitForFrames('alice');
    const seenByAlice = await alice.waitForFrames('bob');
    for (const stat of [seenByBob, seenByAlice]) {
      assert.ok(stat.width >= 160 && stat.height >= 90, `decoded ${stat.width}x${stat.height}`);
    }
    // frames keep coming (the picture is live, not one frozen frame)
    await bob.waitForFrames('alice', { after: seenByBob.frames, minFrames: 15 });
    await alice.waitForFrames('bob', { after: seenByAlice.frames, minFrames: 15 });
    const remote = await alice.run((lk) => lk.remoteParticipants());
    assert.equal(remote.length, 1);
    assert.equal(remote[0].identity, 'bob');
    assert.equal(remote[0].name, 'Bob');
  });

  test('each receives the other one\'s microphone track', async () => {
    await alice.waitFor((lk) => lk.state.audio.bob?.tracks === 1, undefined, undefined, 'bob\'s audio');
    await bob.waitFor((lk) => lk.state.audio.alice?.tracks === 1, undefined, undefined, 'alice\'s audio');
    const tracks = (await bob.run((lk) => lk.remoteParticipants()))[0].tracks;
    assert.deepEqual(tracks.map((t) => `${t.source}:${t.subscribed}`).sort(), ['camera:true', 'microphone:true']);
  });

  test('webhooks announce the room, both participants and their tracks', async () => {
    await hooks.waitFor((e) => e.event === 'room_started' && e.room?.name === ROOM);
    for (const identity of ['alice', 'bob']) {
      await hooks.waitFor((e) => e.event === 'participant_joined' && e.participant?.identity === identity);
      for (const source of [TrackSource.CAMERA, TrackSource.MICROPHONE]) {
        const e = await hooks.waitFor((x) => x.event === 'track_published' && x.participant?.identity === identity && x.track?.source === source, undefined, `${identity} track_published`);
        assert.match(e.track!.sid, /^TR_/);
      }
    }
    assert.deepEqual(hooks.rejected, []);
  });

  test('muting and unmuting the camera is seen by the other side', async () => {
    await alice.run((lk) => lk.setCameraEnabled(false));
    await bob.waitForEvent('muted', { identity: 'alice', source: 'camera' });
    assert.equal((await api.getParticipant(ROOM, 'alice')).tracks.find((t) => t.source === TrackSource.CAMERA)?.muted, true, 'the server knows it is muted');
    await alice.run((lk) => lk.setCameraEnabled(true));
    await bob.waitForEvent('unmuted', { identity: 'alice', source: 'camera' });
    const stat = (await bob.videoStat('alice'))!;
    await bob.waitForFrames('alice', { after: stat.frames, minFrames: 10 });
    assert.equal((await api.getParticipant(ROOM, 'alice')).tracks.find((t) => t.source === TrackSource.CAMERA)?.muted, false);
  });

  test('the backend mutes a microphone (MutePublishedTrack): publisher and others see it', async () => {
    const sid = await trackSid('bob', TrackSource.MICROPHONE);
    const track = await api.mutePublishedTrack(ROOM, 'bob', sid, true);
    assert.equal(track.muted, true);
    await alice.waitForEvent('muted', { identity: 'bob', source: 'microphone' });
    await bob.waitFor((lk) => lk.local().tracks.some((t) => t.source === 'microphone' && t.muted), undefined, undefined, 'own microphone muted');
    await bob.run((lk) => lk.setMicrophoneEnabled(true));
    await alice.waitForEvent('unmuted', { identity: 'bob', source: 'microphone' });
  });

  test('raising a hand (attributes) reaches the others; without permission it is refused', async () => {
    const raisedAt = new Date().toISOString();
    await bob.run((lk, at) => lk.setAttributes({ 'timio.hand': at }), raisedAt);
    const e = await alice.waitForEvent('attributes', { identity: 'bob' });
    assert.deepEqual(e.detail, { 'timio.hand': raisedAt });
    assert.equal((await api.getParticipant(ROOM, 'bob')).attributes['timio.hand'], raisedAt);
    await bob.run((lk) => lk.setAttributes({ 'timio.hand': '' }));
    await alice.waitFor((lk) => !('timio.hand' in (lk.remoteParticipants()[0]?.attributes ?? {})), undefined, undefined, 'hand lowered');
    // alice's token lacks canUpdateOwnMetadata
    const refused = await alice.run((lk) => lk.attempt(() => lk.setAttributes({ 'timio.hand': 'now' })));
    assert.equal(refused.ok, false);
    const bobsView = await bob.run((lk) => lk.remoteParticipants()[0].attributes);
    assert.deepEqual(bobsView, {});
  });

  test('the backend renames and re-describes a participant (UpdateParticipant)', async () => {
    const updated = await api.updateParticipant(ROOM, 'alice', { name: 'Alice A.', metadata: '{"dept":"it"}', attributes: { 'timio.guest': '1' } });
    assert.equal(updated.name, 'Alice A.');
    assert.deepEqual(updated.attributes, { 'timio.guest': '1' });
    await bob.waitForEvent('name', { identity: 'alice', detail: 'Alice A.' });
    await bob.waitForEvent('metadata', { identity: 'alice', detail: '{"dept":"it"}' });
    await bob.waitForEvent('attributes', { identity: 'alice', detail: { 'timio.guest': '1' } });
    await alice.waitFor((lk) => lk.local().name === 'Alice A.' && lk.local().attributes['timio.guest'] === '1', undefined, undefined, 'own new name and attributes');
    // an empty value deletes the attribute
    await api.updateParticipant(ROOM, 'alice', { attributes: { 'timio.guest': '' } });
    await bob.waitFor((lk) => !('timio.guest' in lk.remoteParticipants()[0]!.attributes), undefined, undefined, 'attribute deleted');
  });

  test('chat messages (sendChatMessage and sendText) arrive with the sender', async () => {
    await alice.run((lk) => lk.sendChat('Hallo zusammen'));
    await bob.waitFor((lk) => lk.state.chat.some((m) => m.from === 'alice' && m.message === 'Hallo zusammen'), undefined, undefined, 'chat message');
    const long = 'ü'.repeat(20_000); // several chunks of a text stream
    await bob.run((lk, text) => lk.sendText(text), long);
    await alice.waitFor((lk, n) => lk.state.texts.some((t) => t.from === 'bob' && t.text.length === n), long.length, undefined, 'text stream');
    assert.equal((await alice.run((lk) => lk.state.texts.find((t) => t.from === 'bob')!.text)), long);
  });

  test('data goes to everyone or only to the named identities, from participants and from the backend', async () => {
    carol = await SignalParticipant.join(media.url, await roomToken('carol', ROOM));
    await alice.waitForEvent('joined', { identity: 'carol' });
    await alice.run((lk) => lk.publishData('for carol only', { topic: 'dm', destinationIdentities: ['carol'] }));
    const got = await carol.waitForData((d) => d.text === 'for carol only');
    assert.equal(got.from, 'alice');
    assert.equal(got.topic, 'dm');
    // lossy data may be lost on the way (rarely, on loopback): resent until both have it
    await waitUntil(async () => {
      await alice.run((lk) => lk.publishData('everyone', { topic: 'all', reliable: false }));
      return await bob.run((lk) => lk.state.data.some((d) => d.text === 'everyone')) && carol.dataReceived.some((d) => d.text === 'everyone');
    }, 'the lossy broadcast at bob and carol');
    assert.equal(carol.dataReceived.find((d) => d.text === 'everyone')!.kind, DataPacket_Kind.LOSSY);
    assert.ok(!(await bob.run((lk) => lk.state.data.some((d) => d.text === 'for carol only'))));
    carol.sendData('from node', { topic: 'all' });
    await alice.waitFor((lk) => lk.state.data.some((d) => d.from === 'carol' && d.text === 'from node' && d.topic === 'all'), undefined, undefined, 'data from carol');
    // the backend: to everyone with a topic and no sender, or only to the named identities
    await api.sendData(ROOM, new TextEncoder().encode('to all'), DataPacket_Kind.RELIABLE, { topic: 'announce' });
    for (const page of [alice, bob]) {
      await page.waitFor((lk) => lk.state.data.some((d) => d.text === 'to all' && d.topic === 'announce' && d.from === undefined), undefined, undefined, 'backend broadcast');
    }
    assert.equal((await carol.waitForData((d) => d.text === 'to all')).from, undefined, 'backend data has no sender identity');
    await api.sendData(ROOM, new TextEncoder().encode('from the backend'), DataPacket_Kind.RELIABLE, { topic: 'system', destinationIdentities: ['bob'] });
    await bob.waitFor((lk) => lk.state.data.some((d) => d.text === 'from the backend' && d.topic === 'system'), undefined, undefined, 'server data');
    // a later broadcast on the same reliable channel: whatever went wrongly to alice or carol came before it
    await api.sendData(ROOM, new TextEncoder().encode('fence'), DataPacket_Kind.RELIABLE, {});
    await carol.waitForData((d) => d.text === 'fence');
    await alice.waitFor((lk) => lk.state.data.some((d) => d.text === 'fence'), undefined, undefined, 'fence');
    assert.ok(!carol.dataReceived.some((d) => d.text === 'from the backend' || d.text === 'from node'), 'carol: not a destination, no echo');
    assert.ok(!(await alice.run((lk) => lk.state.data.some((d) => d.text === 'from the backend' || d.text === 'everyone'))), 'alice: not a destination, no echo');
  });

  test('active speakers: the fake microphone makes its owner a speaker', async () => {
    await alice.waitFor((lk) => lk.state.speakers.some((s) => s.includes('bob')), undefined, undefined, 'bob speaking');
    await bob.waitFor((lk) => lk.state.speakers.some((s) => s.includes('alice')), undefined, undefined, 'alice speaking');
  });

  test('unpublishing the camera removes it for the others (and a webhook says so)', async () => {
    await bob.run((lk) => lk.unpublish('camera'));
    await alice.waitForEvent('unpublished', { identity: 'bob', source: 'camera' });
    await hooks.waitFor((e) => e.event === 'track_unpublished' && e.participant?.identity === 'bob' && e.track?.source === TrackSource.CAMERA);
    assert.equal(await alice.videoStat('bob'), undefined);
    await bob.run((lk) => lk.setCameraEnabled(true));
    await alice.waitForFrames('bob');
  });

  test('the backend removes a participant: told why, the others see them leave', async () => {
    await api.removeParticipant(ROOM, 'bob');
    await bob.waitFor((lk, reason) => lk.state.disconnectReason === reason, DisconnectReason.PARTICIPANT_REMOVED, undefined, 'kicked');
    await alice.waitForEvent('left', { identity: 'bob' });
    const left = await hooks.waitFor((e) => e.event === 'participant_left' && e.participant?.identity === 'bob');
    assert.equal(left.room?.name, ROOM);
    assert.deepEqual((await api.listParticipants(ROOM)).map((p) => p.identity).sort(), ['alice', 'carol']);
  });

  test('deleting the room disconnects everyone with ROOM_DELETED', async () => {
    await api.deleteRoom(ROOM);
    await alice.waitFor((lk, reason) => lk.state.disconnectReason === reason, DisconnectReason.ROOM_DELETED, undefined, 'room deleted');
    assert.equal((await carol.waitForLeave()).reason, DisconnectReason.ROOM_DELETED);
    await hooks.waitFor((e) => e.event === 'room_finished' && e.room?.name === ROOM);
    assert.deepEqual(await api.listRooms([ROOM]), []);
  });
});
