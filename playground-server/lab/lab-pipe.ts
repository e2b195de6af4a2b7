import { Duplex } from 'node:stream';
import type { LiveSocket } from '../live-socket.ts';
import { CloseCode } from '../../protocol/close-codes.ts';

/**
 * A lab connection for a page, which cannot open raw TCP: `WS /ws/lab-pipe/<id>` carries raw
 * bytes in binary messages both ways, and this stream makes it look like the TCP socket a
 * lab connection expects. Its bytes take the same path through the lab as a browser's do,
 * so a conformance suite in the page talks to the learner's server through the real tunnel.
 */
export function pipeStream(ws: LiveSocket): Duplex {
  const stream = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      ws.send(chunk, { binary: true });
      done();
    },
    // The lab ended the connection (FIN): the pipe says so with a normal close.
    final(done) {
      ws.close(CloseCode.normal, 'the lab ended the connection');
      done();
    },
    destroy(error, done) {
      ws.terminate();
      done(error);
    },
  });
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    // Text would be a misunderstanding of the pipe: bytes only.
    if (isBinary) stream.push(data);
    else ws.close(CloseCode.unsupportedData, 'the lab pipe carries binary messages only');
  });
  ws.on('close', () => {
    stream.push(null);
    stream.destroy();
  });
  return stream;
}
