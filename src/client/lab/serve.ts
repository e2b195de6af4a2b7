import { LabEvent, packLabFrame, unpackLabFrame, type LabLimits } from '../../../protocol/lab.ts';
import { HttpRefusal } from '../../../protocol/errors.ts';
import type { LabReport } from './lab-run-event.ts';

/**
 * The learner's `serve(onConnection)`: their code becomes the server of `/lab/<id>` through the
 * lab tunnel (PROTOCOL.md). Each connection is bytes in, bytes out, and nothing more: HTTP,
 * Sec-WebSocket-Accept, unmasking and framing are the learner's to write.
 */
export interface LabSocket {
  /** 1, 2, … in the order browsers connected to this lab. */
  readonly id: number;
  /** Every chunk of bytes the client sent, the request head first, in order. */
  onData(listener: (bytes: Uint8Array) => void): void;
  /** Called once when the connection is gone, with why (e.g. "client_closed"). */
  onClose(listener: (reason: string) => void): void;
  /** Sends bytes as they are; a string is sent as its UTF-8 bytes (handy for HTTP heads). */
  write(bytes: Uint8Array | string): void;
  /** Sends what was written, then closes the TCP connection. */
  end(): void;
}

export interface Lab {
  /** `/lab/<id>`: where a browser's WebSocket reaches this server. */
  path: string;
  /** The same as a full `ws://` URL. */
  url: string;
  limits: LabLimits;
}

/** The part of the browser's WebSocket the tunnel needs (so tests can pass `ws`'s). */
export interface OwnerSocket {
  binaryType: string;
  send(data: string | Uint8Array): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
}

const encoder = new TextEncoder();

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

class TunnelSocket implements LabSocket {
  readonly id: number;
  #listeners: ((bytes: Uint8Array) => void)[] = [];
  #closeListeners: ((reason: string) => void)[] = [];
  /** Bytes that came before the learner's code listened: kept, not lost. */
  #early: Uint8Array[] = [];
  #gone = false;
  readonly #send: (bytes: Uint8Array) => void;
  readonly #end: () => void;

  constructor(id: number, send: (bytes: Uint8Array) => void, end: () => void) {
    this.id = id;
    this.#send = send;
    this.#end = end;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.#listeners.push(listener);
    for (const bytes of this.#early.splice(0)) listener(bytes);
  }

  onClose(listener: (reason: string) => void): void {
    this.#closeListeners.push(listener);
  }

  write(bytes: Uint8Array | string): void {
    if (this.#gone) return;
    this.#send(typeof bytes === 'string' ? encoder.encode(bytes) : bytes);
  }

  end(): void {
    if (!this.#gone) this.#end();
  }

  deliver(bytes: Uint8Array): void {
    if (this.#listeners.length === 0) this.#early.push(bytes);
    for (const listener of this.#listeners) listener(bytes);
  }

  gone(reason: string): void {
    if (this.#gone) return;
    this.#gone = true;
    for (const listener of this.#closeListeners) listener(reason);
  }
}

/**
 * Builds the `serve` global: opens the owner link on `/ws/lab` of `server` (an http(s) origin),
 * calls `onConnection` for each browser that connects, and reports the wire to `report`.
 */
export function createServe(
  server: string,
  report: (event: LabReport) => void,
  open: (url: string) => OwnerSocket,
  whyRefused: (url: string) => Promise<string | null> = refusalReason,
) {
  return function serve(onConnection: (socket: LabSocket) => void): Promise<Lab> {
    const wsOrigin = server.replace(/^http/, 'ws');
    const owner = open(`${wsOrigin}/ws/lab`);
    owner.binaryType = 'arraybuffer';
    const sockets = new Map<number, TunnelSocket>();
    let maxChunk = 16 * 1024;
    let ready = false;
    return new Promise((resolve, reject) => {
      owner.addEventListener('message', ({ data }) => {
        if (data instanceof ArrayBuffer) {
          const frame = unpackLabFrame(new Uint8Array(data));
          if (!frame) return;
          report({ event: 'bytes', connection: frame.connection, direction: 'in', bytes: frame.bytes });
          sockets.get(frame.connection)?.deliver(frame.bytes);
          return;
        }
        const parsed = LabEvent.safeParse(parseJson(String(data)));
        if (!parsed.success) return;
        const event = parsed.data;
        if (event.type === 'ready') {
          maxChunk = event.limits.maxFrameBytes - 4;
          const lab = { path: event.path, url: `${wsOrigin}${event.path}`, limits: event.limits };
          ready = true;
          report({ event: 'ready', path: lab.path, url: lab.url });
          resolve(lab);
        } else if (event.type === 'open') {
          const id = event.connection;
          const send = (bytes: Uint8Array) => {
            report({ event: 'bytes', connection: id, direction: 'out', bytes });
            // One owner frame may carry at most maxFrameBytes: long writes go in pieces, in order.
            for (let at = 0; at < bytes.byteLength; at += maxChunk) owner.send(packLabFrame(id, bytes.subarray(at, at + maxChunk)));
          };
          const socket = new TunnelSocket(id, send, () => owner.send(JSON.stringify({ type: 'end', connection: id })));
          sockets.set(id, socket);
          report({ event: 'open', connection: id });
          onConnection(socket);
        } else if (event.type === 'closed') {
          report({ event: 'closed', connection: event.connection, reason: event.reason, message: event.message });
          sockets.get(event.connection)?.gone(event.reason);
          sockets.delete(event.connection);
        } else {
          report({ event: 'notice', message: event.message });
        }
      });
      owner.addEventListener('close', async ({ code, reason }) => {
        for (const socket of sockets.values()) socket.gone('lab_ended');
        sockets.clear();
        // Refused before it opened (close 1006, no reason): the HTTP answer on that path says why.
        const refused = ready ? null : await whyRefused(`${server}/ws/lab`);
        const message = refused ? `no lab: ${refused}` : `the lab link closed (${code}${reason ? ` ${reason}` : ''})`;
        report({ event: 'notice', message });
        reject(new Error(message));
      });
    });
  };
}

/**
 * Why the server refused the lab link, from its HTTP answer on the same path (a browser's
 * WebSocket sees only 1006); null if it gives none (426 means the path itself is fine).
 */
export async function refusalReason(url: string): Promise<string | null> {
  try {
    const answer = await fetch(url);
    if (answer.status === 426 || answer.ok) return null;
    const body = HttpRefusal.safeParse(await answer.json());
    return body.success ? body.data.message : null;
  } catch {
    return null; // the server is not there at all: the close says enough
  }
}
