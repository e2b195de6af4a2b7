import { createConnection } from 'node:net';
import type { BytePipe, Connect } from './pipe.ts';
import type { Target } from './target.ts';

/** The Node binding of the byte pipe: one TCP connection to the target, nothing else. */
export function tcpConnect(target: Target): Connect {
  return () =>
    new Promise((resolve, reject) => {
      const socket = createConnection({ host: target.hostname, port: target.port });
      // Chopped writes must leave as separate segments, not be coalesced by Nagle's algorithm.
      socket.setNoDelay(true);
      const closed = new Promise<void>((done) => socket.once('close', () => done()));
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        // After connect, a reset or EPIPE only means the server is gone: 'close' reports that.
        socket.on('error', () => undefined);
        const pipe: BytePipe = {
          write(bytes) {
            if (!socket.destroyed && socket.writable) socket.write(bytes);
          },
          onData(listener) {
            socket.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length)));
          },
          close() {
            socket.destroy();
          },
          closed,
        };
        resolve(pipe);
      });
    });
}
