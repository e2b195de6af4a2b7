import { mirrorCase, type ConformanceCase } from '../case-kit.ts';
import { judgeClose } from '../verdicts.ts';

/**
 * Section 0 (not in Autobahn, which assumes a working handshake): the opening handshake on its
 * own. The runner checks every case's handshake; a server that gets it wrong fails every case,
 * and 0.1.1 is the one that says only that.
 */
const closes = judgeClose([1000]);

export const handshakeCases: ConformanceCase[] = [
  {
    id: '0.1.1',
    title: 'Opening handshake: 101 with a correct Sec-WebSocket-Accept',
    rfc: '§4.2.2',
    requirement: 'Answer 101 with Upgrade: websocket, Connection: Upgrade and Accept = base64(SHA-1(key + GUID)); no unrequested extension or subprotocol',
    async run(session) {
      await session.closeNormally();
    },
    judge(observation) {
      const judged = closes(observation);
      return { ...judged, reason: `handshake valid in ${observation.handshake.ms} ms; ${judged.reason}` };
    },
  },
  {
    ...mirrorCase(
      {
        id: '0.1.2',
        title: 'Opening handshake written slowly, in 6 pieces 50 ms apart',
        rfc: '§4.2.1',
        requirement: 'Read the request however TCP delivers it and complete the handshake',
      },
      'text',
      'after a slow handshake',
    ),
    handshakePieces: 6,
  },
];
