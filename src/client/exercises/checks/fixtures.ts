import type { FaultName, Opcode } from '../../../../protocol/inspect.ts';
import { frameWireLength } from '../../../../protocol/frame-size.ts';
import type { RunEvent } from '../../playground/runner/run-protocol.ts';

/** Hand-made run events for the checks' tests. */

const server = 'http://127.0.0.1:4321';

interface FrameExtra {
  binary?: boolean;
  bytes?: number;
  queued?: boolean;
  readyState?: number;
  bufferedAmount?: number;
  /** The whole payload, when a check compares what went out with what came back. */
  payload?: string;
}

export function frame(event: 'send' | 'message', socket: number, at: number, preview: string, extra: FrameExtra = {}): RunEvent {
  const { binary = false, bytes = preview.length, queued, readyState, bufferedAmount, payload } = extra;
  return {
    type: 'socket',
    event,
    socket,
    at,
    preview,
    binary,
    payloadBytes: bytes,
    ...(queued === undefined ? {} : { queued }),
    ...(payload === undefined ? {} : { payload }),
    ...(event === 'send' ? { readyState: readyState ?? (queued ? 0 : 1), ...(bufferedAmount === undefined ? {} : { bufferedAmount }) } : {}),
  } as RunEvent;
}

export function logLine(at: number, text: string): RunEvent {
  return { type: 'console', level: 'log', text, at };
}

export function connecting(socket: number, at: number, url: string, attempt = 1): RunEvent {
  return { type: 'socket', event: 'connecting', socket, at, url, attempt };
}

export function opened(socket: number, at: number): RunEvent {
  return { type: 'socket', event: 'open', socket, at };
}

export function closed(socket: number, at: number, code: number, reason = '', wasClean = true, extra: { retryInMs?: number; by?: 'client' | 'server' | 'network' } = {}): RunEvent {
  return { type: 'socket', event: 'close', socket, at, code, reason, wasClean, ...extra };
}

/** A fetch of `path` on the server that started at `startedAt` and was answered at `at`. */
export function fetched(startedAt: number, at: number, path: string, status = 200, body?: unknown): RunEvent {
  return {
    type: 'http',
    api: 'fetch',
    method: 'GET',
    url: new URL(path, server).href,
    startedAt,
    at,
    status,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  };
}

export function started(sampleKey: string, at = 0): RunEvent {
  return { type: 'started', at, sampleKey };
}

interface ServerFrameExtra {
  /** Payload bytes as they crossed the wire when the message was compressed (RSV1). */
  compressedBytes?: number;
  /** Server-side connection number within the trace (1 unless a socket reconnected). */
  connection?: number;
}

/** What the server's inspect channel reports for one frame of socket `socket` of the run. */
export function serverFrame(
  socket: number,
  at: number,
  direction: 'in' | 'out',
  opcode: Opcode,
  path: string,
  payloadBytes: number,
  preview: string,
  extra: ServerFrameExtra = {},
): RunEvent {
  const { compressedBytes, connection = 1 } = extra;
  const onWire = compressedBytes ?? payloadBytes;
  return {
    type: 'inspect',
    socket,
    at,
    event: {
      type: 'frame',
      connection,
      path,
      at,
      direction,
      opcode,
      payloadBytes,
      wireBytes: frameWireLength(onWire, direction === 'in'),
      preview,
      ...(compressedBytes === undefined ? {} : { compressedBytes }),
    },
  };
}

/** The server's confirmation, on socket `socket`'s inspect link, that a fault hit `connections` of the run's connections. */
export function faultApplied(socket: number, at: number, fault: FaultName, connections = 1): RunEvent {
  return { type: 'inspect', socket, at, event: { type: 'fault', connection: 0, path: '/ws/inspect', at, fault, connections } };
}
