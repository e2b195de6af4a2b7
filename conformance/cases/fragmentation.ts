import { byteByByte, echoCase, failCase, frame, reply, type ConformanceCase } from '../case-kit.ts';
import { judgeEcho } from '../verdicts.ts';

/**
 * Autobahn section 5: §5.4 fragmentation. A message may be split into a first frame and
 * continuations; control frames may come between fragments but are never fragmented
 * themselves; a continuation needs a message to continue, and a new data frame may not
 * start inside one.
 */
const twoFragments = [frame.text('fragment1', { fin: false }), frame.continuation('fragment2', true)];
const withPing = [frame.text('fragment1', { fin: false }), frame.ping('ping between'), frame.continuation('fragment2', true)];

export const fragmentationCases: ConformanceCase[] = [
  failCase(
    { id: '5.1', title: 'Ping in 2 fragments', rfc: '§5.5', requirement: 'Control frames MUST NOT be fragmented: fail the connection (1002)' },
    [frame.ping('fragment1', { fin: false }), frame.continuation('fragment2', true)],
  ),
  failCase(
    { id: '5.2', title: 'Pong in 2 fragments', rfc: '§5.5', requirement: 'Control frames MUST NOT be fragmented: fail the connection (1002)' },
    [frame.pong('fragment1', { fin: false }), frame.continuation('fragment2', true)],
  ),
  echoCase(
    { id: '5.3', title: 'Text message in 2 fragments', rfc: '§5.4', requirement: 'Reassemble the fragments and echo one message' },
    twoFragments,
    [reply.text('fragment1fragment2')],
  ),
  echoCase(
    { id: '5.4', title: 'Text message in 2 fragments, written byte by byte', rfc: '§5.4', requirement: 'Reassemble the fragments and echo one message' },
    twoFragments,
    [reply.text('fragment1fragment2')],
    byteByByte,
  ),
  echoCase(
    { id: '5.5', title: 'Text message in 2 fragments with a ping between them', rfc: '§5.4', requirement: 'Answer the ping at once (the pong comes before the echo), then echo the reassembled message' },
    withPing,
    [reply.pong('ping between'), reply.text('fragment1fragment2')],
  ),
  echoCase(
    { id: '5.6', title: 'Text in 2 fragments with a ping between them, written byte by byte', rfc: '§5.4', requirement: 'Pong first, then the reassembled message' },
    withPing,
    [reply.pong('ping between'), reply.text('fragment1fragment2')],
    byteByByte,
  ),
  {
    id: '5.7',
    title: 'Text in 3 fragments, a ping after each of the first two, each answered before the next fragment',
    rfc: '§5.4',
    requirement: 'Answer each ping while the message is still open, then echo it whole',
    async run(session) {
      await session.send([frame.text('one ', { fin: false }), frame.ping('ping 1')]);
      await session.waitForReplies(1);
      await session.send([frame.continuation('two ', false), frame.ping('ping 2')]);
      await session.waitForReplies(2);
      await session.send(frame.continuation('three', true));
      await session.waitForReplies(3);
      await session.closeNormally();
    },
    judge: judgeEcho([reply.pong('ping 1'), reply.pong('ping 2'), reply.text('one two three')]),
  },
  failCase(
    { id: '5.8', title: 'Continuation frame (FIN) without a message to continue', rfc: '§5.4', requirement: 'Fail the connection (1002)' },
    [frame.continuation('orphan', true)],
  ),
  failCase(
    { id: '5.9', title: 'Continuation frames (no FIN, then FIN) without a first frame', rfc: '§5.4', requirement: 'Fail the connection (1002)' },
    [frame.continuation('orphan 1', false), frame.continuation('orphan 2', true)],
  ),
  failCase(
    { id: '5.10', title: 'Binary frame inside a fragmented text message', rfc: '§5.4', requirement: 'A data frame may not interleave a fragmented message: fail the connection (1002)' },
    [frame.text('fragment1', { fin: false }), frame.binary('intruder'), frame.continuation('fragment2', true)],
  ),
  failCase(
    { id: '5.11', title: 'Text message in 2 fragments, both with the text opcode', rfc: '§5.4', requirement: 'The second frame must be a continuation: fail the connection (1002)' },
    [frame.text('fragment1', { fin: false }), frame.text('fragment2')],
  ),
  echoCase(
    { id: '5.12', title: 'Text message of 3 empty fragments', rfc: '§5.4', requirement: 'Echo one empty text message' },
    [frame.text('', { fin: false }), frame.continuation('', false), frame.continuation('', true)],
    [reply.text('')],
  ),
  echoCase(
    { id: '5.13', title: 'Binary message in 3 fragments', rfc: '§5.4', requirement: 'Reassemble and echo one binary message' },
    [frame.binary('\u0001\u0002', { fin: false }), frame.continuation('\u0003', false), frame.continuation('\u0004\u0005', true)],
    [reply.binary('\u0001\u0002\u0003\u0004\u0005')],
  ),
];
