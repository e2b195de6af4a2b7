import { bytes, concat, utf8 } from '../bytes.ts';
import { byteByByte, echoCase, failCase, filler, frame, type CaseMeta, type ConformanceCase } from '../case-kit.ts';
import type { FrameSpec } from '../frame.ts';
import type { Chop } from '../session.ts';
import { judgeClose } from '../verdicts.ts';

/**
 * Autobahn section 7: the closing handshake (§5.5.1, §7). A close is answered with a close
 * (echoing the code, or 1000) and the server then ends TCP; nothing sent after our close is
 * processed; malformed close frames and codes no endpoint may send fail the connection.
 */

/** Sends the frames (our close among them) and waits for the server's close; `closeCodes` are acceptable answers. */
function closeCase(meta: CaseMeta, frames: readonly FrameSpec[], closeCodes: readonly (number | null)[], chop?: Chop): ConformanceCase {
  return { ...echoCase(meta, frames, [], chop), judge: judgeClose(closeCodes) };
}

/** §7.4.1 codes a peer may send: the server answers with the same code or 1000. */
const validCodes = [1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999];
/** Reserved (1004–1006, 1015: never on the wire), unassigned (1016–2999) or out of range (0–999, 5000+). */
const invalidCodes = [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535];

export const closeCases: ConformanceCase[] = [
  closeCase({ id: '7.1.1', title: 'Close with 1000', rfc: '§7.1.2', requirement: 'Answer with a close (1000) and close TCP' }, [frame.close(1000)], [1000]),
  closeCase(
    { id: '7.1.2', title: 'Close with 1000, then a text message in the same write', rfc: '§5.5.1', requirement: 'Nothing after the close is processed: no echo' },
    [frame.close(1000), frame.text('after close')],
    [1000],
  ),
  closeCase(
    { id: '7.1.3', title: 'Close with 1000, then a ping in the same write', rfc: '§5.5.1', requirement: 'Nothing after the close is processed: no pong' },
    [frame.close(1000), frame.ping('after close')],
    [1000],
  ),
  closeCase(
    { id: '7.1.4', title: 'First fragment of a text message, then close', rfc: '§5.5.1', requirement: 'A close may interrupt a fragmented message: answer the close, echo nothing' },
    [frame.text('fragment1', { fin: false }), frame.close(1000)],
    [1000],
  ),
  closeCase(
    { id: '7.1.5', title: 'Close without payload', rfc: '§5.5.1', requirement: 'A close need not carry a code: answer with an empty close or 1000' },
    [frame.close(null)],
    [null, 1000],
  ),
  closeCase(
    { id: '7.1.6', title: 'Close with 1000 and the reason "Hello World!"', rfc: '§5.5.1', requirement: 'Answer with a close (1000)' },
    [frame.close(1000, 'Hello World!')],
    [1000],
  ),
  closeCase(
    { id: '7.1.7', title: 'Close with 1000 and a 123-byte reason (a 125-byte payload, the maximum)', rfc: '§5.5', requirement: 'Answer with a close (1000)' },
    [frame.close(1000, filler(123))],
    [1000],
  ),
  closeCase(
    { id: '7.1.8', title: 'Close with 1000, written byte by byte', rfc: '§5.5.1', requirement: 'Reassemble the close frame and answer with 1000' },
    [frame.close(1000)],
    [1000],
    byteByByte,
  ),
  failCase(
    { id: '7.1.9', title: 'Close with a 1-byte payload', rfc: '§5.5.1', requirement: 'A close code is 2 bytes: fail the connection (1002)' },
    [{ ...frame.close(null), payload: bytes(0x03) }],
  ),
  failCase(
    { id: '7.1.10', title: 'Close with 1000 and a 124-byte reason (a 126-byte payload)', rfc: '§5.5', requirement: 'Control frames carry at most 125 bytes: fail the connection (1002)' },
    [frame.close(1000, filler(124))],
  ),
  failCase(
    { id: '7.1.11', title: 'Close with 1000 and a reason that is not valid UTF-8', rfc: '§5.5.1', requirement: 'The close reason must be UTF-8: fail the connection (1007 or 1002)' },
    [frame.close(1000, concat([utf8('bad '), bytes(0xce, 0xba, 0xe1, 0xbd)]))],
    { codes: [1007, 1002] },
  ),
  ...validCodes.map((code, i) =>
    closeCase({ id: `7.2.${i + 1}`, title: `Close with the valid code ${code}`, rfc: '§7.4.1', requirement: `Answer with a close echoing ${code} (or 1000)` }, [frame.close(code)], [code, 1000]),
  ),
  ...invalidCodes.map((code, i) =>
    failCase(
      { id: `7.3.${i + 1}`, title: `Close with the invalid code ${code}`, rfc: '§7.4', requirement: `${code} may not be sent: fail the connection (1002)` },
      [frame.close(code)],
    ),
  ),
];
