import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeSentFragments, type SentFragmentsFacts } from './sends-fragments.ts';
import type { WireFrame } from './lab-wire.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const f = (opcode: number, fin: boolean, text: string): WireFrame => ({ opcode, fin, payload: bytes(text) });
const sent = 'abc héllo wörld';
const whole = (text = sent) => [{ binary: false, data: bytes(text), text }];
/** The browser failed the connection: its close frame said `code`, the page saw 1006. */
const failed = (code: number) => ({ received: [], closed: { code: 1006, wasClean: false }, browserCloseCode: code });
const facts = (written: WireFrame[], rest: Partial<SentFragmentsFacts> = {}): SentFragmentsFacts => ({ sent, written, received: whole(), closed: null, browserCloseCode: null, ...rest });

const good = [f(1, false, 'abc h'), f(9, true, 'still here'), f(0, false, 'éllo '), f(0, true, 'wörld')];

test('three fragments with a ping between them, received whole, pass', () => {
  const verdict = judgeSentFragments(facts(good));
  assert.equal(verdict.passed, true, verdict.message);
  assert.match(verdict.message, /3 frames[^]*with a ping between them[^]*one message of 17 bytes/);
});

test('more continuations and a pong between later fragments pass too', () => {
  const written = [f(1, false, 'abc '), f(0, false, 'hé'), f(10, true, ''), f(0, false, 'llo '), f(0, true, 'wörld')];
  assert.equal(judgeSentFragments(facts(written)).passed, true);
});

test('one frame fails, whatever was logged', () => {
  assert.match(judgeSentFragments(facts([f(1, true, sent)])).message, /went out as one frame/);
});

test('FIN = 1 on the first fragment fails, with what the browser did', () => {
  const written = [f(1, true, 'abc h'), f(9, true, ''), f(0, false, 'éllo '), f(0, true, 'wörld')];
  const verdict = judgeSentFragments(facts(written, { ...failed(1002), received: whole('abc h') }));
  assert.match(verdict.message, /first fragment has FIN = 1[^]*close frame with 1002 \(protocol error\)[^]*close event says 1006/);
});

test('a new text frame instead of a continuation fails, named by its place', () => {
  const written = [f(1, false, 'abc h'), f(9, true, ''), f(1, false, 'éllo '), f(0, true, 'wörld')];
  assert.match(judgeSentFragments(facts(written, failed(1002))).message, /frame 3 is a new text frame while your message was still open/);
});

test('a first frame that is a continuation, a message that never ends, and two fragments fail', () => {
  assert.match(judgeSentFragments(facts([f(0, false, 'abc'), f(0, true, 'd')], failed(1002))).message, /first frame is a continuation/);
  assert.match(judgeSentFragments(facts([f(1, false, 'abc'), f(9, true, ''), f(0, false, 'd')], { received: [] })).message, /never ended/);
  assert.match(judgeSentFragments(facts([f(1, false, 'abc h'), f(9, true, ''), f(0, true, 'éllo wörld')])).message, /in 2 fragments: split it into at least three/);
});

test('no control frame between the fragments fails, and neither does a fragmented one pass', () => {
  const after = [f(1, false, 'abc h'), f(0, false, 'éllo '), f(0, true, 'wörld'), f(9, true, '')];
  assert.match(judgeSentFragments(facts(after)).message, /no control frame came between your fragments/);
  const split = [f(1, false, 'abc h'), f(9, false, 'x'), f(0, false, 'éllo '), f(0, true, 'wörld')];
  assert.match(judgeSentFragments(facts(split, failed(1002))).message, /ping between your fragments is itself fragmented/);
});

test('fragments that are right on the wire but carry other text than the browser sent fail', () => {
  const other = [f(1, false, 'you '), f(9, true, ''), f(0, false, 'said'), f(0, true, ': hi')];
  assert.match(judgeSentFragments(facts(other, { received: whole('you said: hi') })).message, /not the text it sent/);
});

test('nothing sent back is named', () => {
  assert.match(judgeSentFragments(facts([f(9, true, '')], { received: [] })).message, /sent nothing back for the browser's message/);
});
