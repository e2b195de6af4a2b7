import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure, HandlerError, placeInStack, placeOf } from './failure.ts';

test('an offset becomes a 1-based line and column', () => {
  assert.deepEqual(placeOf("log('a');\nconst x = ;\n", 20), { line: 2, column: 11 });
  assert.deepEqual(placeOf('x', 0), { line: 1, column: 1 });
});

test("the learner's innermost frame is found in a V8 stack, minus the generated header", () => {
  const stack = 'Error: y\n    at f (eval at run (http://x/run-worker.js:34:6614), <anonymous>:6:25)\n    at eval (eval at run (http://x/run-worker.js:34:6614), <anonymous>:7:7)';
  assert.deepEqual(placeInStack(stack, 2), { line: 4, column: 25 });
  assert.equal(placeInStack('Error: y\n    at http://x/a.js:1:1', 2), null);
});

test('a handler error names its handler and the place in the code, once', () => {
  const error = new TypeError('boom');
  error.stack = 'TypeError: boom\n    at eval (<anonymous>:5:3)';
  const failure = describeFailure(new HandlerError("socket #1's onmessage handler", error), 2);
  assert.deepEqual(failure, { message: "TypeError: boom at line 3, column 3 (thrown inside socket #1's onmessage handler)", line: 3, column: 3 });
});
