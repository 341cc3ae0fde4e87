// The call window's overlay and the partner's "away" time as pure functions: a page change of the
// partner (media gone, out of the room, back without media, media back) is one reconnect.
import { expect } from '@open-wc/testing';
import { awaySince, mediaShape, overlayState } from './overlay-state.js';
import { callWindowDe } from '../i18n/call-window.js';
import { callWindowEn } from '../i18n/en.js';
import type { ParticipantState } from '../../session/types.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const track = {} as MediaStreamTrack;
const ben = (media: Partial<ParticipantState> = {}): ParticipantState => ({ identity: 'ben', name: 'Ben', isLocal: false, speaking: false, ...media } as ParticipantState);
const full = ben({ camera: { sid: 'C', muted: false, track }, microphone: { sid: 'M', muted: false } });
const had = { camera: true, microphone: true };
const connected = { phase: 'connected' } as const;

describe('overlay-state', () => {
  it('a page change: media gone → away; out of the room → still the same away; back without media → away; media back → here', () => {
    let away = awaySince(undefined, full, false, had, 1000);
    expect(away).to.equal(undefined);
    away = awaySince(away, ben(), false, had, 2000);
    expect(away).to.equal(2000);
    away = awaySince(away, undefined, true, had, 3000);
    expect(away).to.equal(2000);
    away = awaySince(away, ben({ microphone: { sid: 'M2', muted: false } }), false, had, 4000);
    expect(away, 'the camera not back yet').to.equal(2000);
    away = awaySince(away, ben({ microphone: { sid: 'M2', muted: false }, camera: { sid: 'C2', muted: false } }), false, had, 4500);
    expect(away, 'the camera published, its picture not there yet').to.equal(2000);
    away = awaySince(away, full, false, had, 5000);
    expect(away).to.equal(undefined);
  });

  it('a microphone that was muted need not come back: the next page may not publish it', () => {
    const muted = ben({ camera: { sid: 'C', muted: false, track }, microphone: { sid: 'M', muted: true } });
    const shape = mediaShape(muted);
    expect(shape).to.deep.equal({ camera: true, microphone: false });
    let away = awaySince(undefined, undefined, true, shape, 1000);
    expect(away).to.equal(1000);
    away = awaySince(away, ben({ camera: { sid: 'C2', muted: false, track } }), false, shape, 2000);
    expect(away, 'camera back, no microphone published').to.equal(undefined);
  });

  it('back past the grace: the next departure is a new one, read as reconnecting again, never as "left" at once', () => {
    const shape = mediaShape(full);
    let away = awaySince(undefined, undefined, true, shape, 0);
    // Back in the room but without the picture for longer than the grace: shown as they are.
    away = awaySince(away, ben({ microphone: { sid: 'M', muted: false } }), false, shape, 31_000, 30_000);
    expect(away).to.equal(undefined);
    away = awaySince(away, full, false, shape, 40_000, 30_000);
    away = awaySince(away, undefined, true, shape, 50_000, 30_000);
    expect(away).to.equal(50_000);
    expect(overlayState(connected, { departed: true, awaySince: away, now: 50_500, graceMs: 30_000 }, callWindowDe, 'Ben').state).to.equal('partner-reconnecting');
  });

  it('a partner who turns the camera off or mutes is here, not away', () => {
    const off = ben({ camera: { sid: 'C', muted: true }, microphone: { sid: 'M', muted: true } });
    expect(awaySince(undefined, off, false, had, 1000)).to.equal(undefined);
    expect(overlayState(connected, { partner: off, departed: false, now: 1000, graceMs: 30_000 }, callWindowDe, 'Ben').state).to.equal('');
  });

  it('says "reconnecting" within the grace, then "left" once out of the room (de, en)', () => {
    for (const [t, words] of [[callWindowDe, 'Die Verbindung zu Ben wird wiederhergestellt'], [callWindowEn, 'Ben is reconnecting']] as const) {
      const during = overlayState(connected, { departed: true, awaySince: 0, now: 29_000, graceMs: 30_000 }, t, 'Ben');
      expect(during.state).to.equal('partner-reconnecting');
      expect(during.message).to.contain(words);
      const after = overlayState(connected, { departed: true, awaySince: 0, now: 31_000, graceMs: 30_000 }, t, 'Ben');
      expect(after.state).to.equal('partner-left');
      expect(after.close).to.equal('partner_left');
    }
  });
});
