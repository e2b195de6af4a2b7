import { bytes } from '../bytes.ts';
import { byteByByte, failCase, frame, reply, type ConformanceCase } from '../case-kit.ts';

/**
 * Autobahn section 3: §5.2, RSV1–3 MUST be 0 unless an extension defines them. The suite
 * negotiates none, so any set bit must fail the connection (1002), and nothing after it may
 * be answered.
 */
const rule = 'No extension was negotiated: fail the connection (1002)';

export const reservedBitCases: ConformanceCase[] = [
  failCase({ id: '3.1', title: 'Text message with RSV1 set', rfc: '§5.2', requirement: rule }, [frame.text('Hello', { rsv1: true })]),
  failCase(
    { id: '3.2', title: 'Text message, then text with RSV2 set, then a ping', rfc: '§5.2', requirement: `Echo the first message; then ${rule}; no pong` },
    [frame.text('Hello'), frame.text('Hello', { rsv2: true }), frame.ping('never answered')],
    { before: [reply.text('Hello')] },
  ),
  failCase(
    { id: '3.3', title: 'Text with RSV3 set, written byte by byte', rfc: '§5.2', requirement: rule },
    [frame.text('Hello', { rsv3: true })],
    { chop: byteByByte },
  ),
  failCase(
    { id: '3.4', title: 'Binary message with RSV1, RSV2 and RSV3 set', rfc: '§5.2', requirement: rule },
    [frame.binary(bytes(0x00, 0xff), { rsv1: true, rsv2: true, rsv3: true })],
  ),
  failCase({ id: '3.5', title: 'Ping with RSV3 set', rfc: '§5.2', requirement: `${rule}; no pong` }, [frame.ping('Hello', { rsv3: true })]),
  failCase(
    { id: '3.6', title: 'Text with RSV1 and RSV3 set, then a ping in the same write', rfc: '§5.2', requirement: `${rule}; the ping after it is not answered` },
    [frame.text('Hello', { rsv1: true, rsv3: true }), frame.ping('never answered')],
  ),
  failCase({ id: '3.7', title: 'Close frame with RSV2 set', rfc: '§5.2', requirement: rule }, [{ ...frame.close(1000), rsv2: true }]),
];
