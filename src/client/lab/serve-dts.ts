/** Type definitions of `serve()` for Monaco's completion and hover (src/client/lab/serve.ts has the real thing). */
export const serveDts = `
/** One TCP connection to your lab: raw bytes in, raw bytes out. */
interface LabSocket {
  /** 1, 2, … in the order browsers connected. */
  readonly id: number;
  /** Every chunk the client sent, the HTTP request head first, as it arrived. */
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Called once when the connection is gone, with why ("client_closed", "idle", …). */
  onClose(listener: (reason: string) => void): void;
  /** Sends bytes as they are; a string goes as its UTF-8 bytes. */
  write(bytes: Uint8Array | string): void;
  /** Sends what was written, then closes the TCP connection. */
  end(): void;
}
interface Lab {
  /** /lab/<id>: where a browser's WebSocket reaches your server. */
  path: string;
  /** The same as a ws:// URL. */
  url: string;
}
/**
 * Makes your code a server: opens a lab on the Duplex server and calls onConnection for every
 * connection to /lab/<id>. Nothing is parsed for you: the handshake and frames are yours.
 */
declare function serve(onConnection: (socket: LabSocket) => void): Promise<Lab>;
`;
