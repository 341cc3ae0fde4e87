// diffPeople in Chromium (the element test runner): join, leave, drop and hand notices.
import { expect } from '@open-wc/testing';
import type { ParticipantState } from '../../../session/types.js';
import { diffPeople } from './notice-feed.js';

declare const describe: (name: string, body: () => void) => void;
declare const it: (name: string, body: () => Promise<void> | void) => void;

const person = (identity: string, patch: Partial<ParticipantState> = {}): ParticipantState => ({
  identity, name: identity.toUpperCase(), isLocal: false, guest: false, moderator: false, speaking: false, quality: 'good', joinedAt: 1, ...patch,
});

describe('diffPeople', () => {
  it('names who joined, left, dropped and raised a hand; never this person', () => {
    const self = person('me', { isLocal: true });
    const before = [self, person('ben'), person('carla', { quality: 'lost' }), person('dora')];
    const after = [{ ...self, handRaisedAt: '2026-11-26T10:00:00Z' }, person('ben', { handRaisedAt: '2026-11-26T10:00:01Z' }), person('emil'), person('dora')];
    expect(diffPeople(before, after).map((n) => `${n.kind}:${n.identity}`)).to.deep.equal(['hand:ben', 'joined:emil', 'dropped:carla']);
    expect(diffPeople(after, after)).to.deep.equal([]);
    expect(diffPeople([self, person('ben')], [self]).map((n) => n.kind)).to.deep.equal(['left']);
  });

  it('a guest\'s notices carry the guest mark, an employee\'s do not', () => {
    const self = person('me', { isLocal: true });
    const joined = diffPeople([self], [self, person('guest:maria', { guest: true }), person('ben')]);
    expect(joined.map((n) => [n.identity, n.guest === true])).to.deep.equal([['guest:maria', true], ['ben', false]]);
    expect(diffPeople([self, person('guest:maria', { guest: true })], [self])[0]!.guest).to.equal(true);
  });
});
