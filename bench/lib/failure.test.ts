// `node --import tsx --test bench/lib/failure.test.ts`: the reason a failed bench shows in the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failureReason, Tail } from './failure.js';

test('an uncaught error: its message, not the stack or the node version', () => {
  const stderr = [
    'bench presence…', '/srv/timio/bench/presence.ts:12', "throw new Error('x');", '      ^', '', '',
    'Error: pages did not reach "connected"', '    at next (/srv/timio/bench/presence.ts:12:7)', '', 'Node.js v20.20.2', '',
  ].join('\n');
  assert.equal(failureReason(stderr), 'Error: pages did not reach "connected"');
});

test('an assertion with a code and properties after it', () => {
  const stderr = ['AssertionError [ERR_ASSERTION]: 1 == 2', '    at x (y:1:1) {', "  code: 'ERR_ASSERTION',", '}', 'Node.js v20.20.2'].join('\n');
  assert.equal(failureReason(stderr), 'AssertionError [ERR_ASSERTION]: 1 == 2');
});

test('no error named: the last line that says something; nothing: says so; long: cut', () => {
  assert.equal(failureReason('starting\nredis-server not found, install it\n\n'), 'redis-server not found, install it');
  assert.equal(failureReason(''), 'no output on stderr');
  assert.equal(failureReason(`Error: ${'x'.repeat(300)}`, 20).length, 20);
});

test('the tail keeps the end of a long stream', () => {
  const tail = new Tail(10);
  for (let i = 0; i < 100; i++) tail.push(`line ${i}\n`);
  assert.equal(tail.toString(), 'line 98\nline 99\n'.slice(-10));
});
