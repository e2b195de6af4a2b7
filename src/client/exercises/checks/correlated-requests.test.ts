import { test } from 'node:test';
import assert from 'node:assert/strict';
import { correlatedRequests } from './correlated-requests.ts';
import { frame, logLine } from './fixtures.ts';

const request = (id: number) => JSON.stringify({ type: 'request', id, body: `question ${id}` });
const tick = JSON.stringify({ type: 'tick', n: 1, at: 0 });

test('three requests in flight, answers matched by id among ticks: passed', () => {
  const events = [
    frame('send', 1, 1, request(1)), frame('send', 1, 2, request(2)), frame('send', 1, 3, request(3)),
    frame('message', 1, 4, tick), frame('message', 1, 5, request(1)), logLine(5, 'reply 1: question 1'),
    frame('message', 1, 6, request(2)), logLine(6, 'reply 2: question 2'), frame('message', 1, 7, request(3)), logLine(7, 'reply 3: question 3'),
  ];
  assert.equal(correlatedRequests(events).passed, true);
});

test('one request at a time is not correlation', () => {
  const events = [frame('send', 1, 1, request(1)), frame('message', 1, 2, request(1)), frame('send', 1, 3, request(2))];
  assert.match(correlatedRequests(events).message, /only 1 request\(s\) were in flight together/);
});

test('requests without ids, or reused ids, do not pass', () => {
  assert.match(correlatedRequests([frame('send', 1, 1, '{"type":"request"}')]).message, /no \{"type":"request","id":…\} envelope/);
  assert.match(correlatedRequests([frame('send', 1, 1, request(1)), frame('send', 1, 2, request(1))]).message, /share an id/);
});

test('answers that were never logged by id are not matched', () => {
  const events = [frame('send', 1, 1, request(1)), frame('send', 1, 2, request(2)), frame('send', 1, 3, request(3)), logLine(9, 'reply ?')];
  assert.match(correlatedRequests(events).message, /0 of 3 requests logged/);
});
