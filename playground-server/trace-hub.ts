import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { FaultName, InspectEvent, Opcode } from '../protocol/inspect.ts';
import { acceptFor } from './handshake.ts';
import { frameHeaderLength } from '../protocol/frame-size.ts';
import { hexPreview, previewChars, textPreview } from '../protocol/preview.ts';
import { silence } from './silence.ts';
import { memoryRooms, type RoomMessage, type Rooms } from './rooms.ts';
import type { WireMessage } from './compression-tap.ts';

/** Events kept per trace so an inspector that connects a moment late still sees the handshake. */
const BACKLOG = 200;

const now = () => performance.timeOrigin + performance.now();

/** Inspectors are few per trace: each gets the event as it is. */
export const sendToEach = (inspectors: ReadonlySet<WebSocket>, message: RoomMessage) => {
  for (const inspector of inspectors) inspector.send(message.data);
};

/** Text is decoded only as far as its preview reaches (at most 4 bytes per character). */
function preview(payload: Buffer | string, isText: boolean): string {
  if (typeof payload === 'string') return textPreview(payload);
  return isText ? textPreview(payload.subarray(0, previewChars * 4).toString('utf8')) : hexPreview(payload);
}

/** One traced connection as the endpoint code sees it: report frames, read the active faults. */
export interface TraceTap {
  /** `wire`: what the message took on the wire, when a compression tap measured it (else computed from the payload). */
  frame(direction: 'in' | 'out', opcode: Opcode, payload: Buffer | string, close?: { code: number; reason: string }, wire?: WireMessage): void;
  closed(code: number, reason: string): void;
  /** Latency currently injected into this trace's server→client messages, in ms. */
  latencyMs(): number;
}

interface Trace {
  id: string;
  nextConnection: number;
  /** Raw TCP sockets of the traced connections, for the drop fault. */
  connections: Set<Duplex>;
  latencyMs: number;
  outageUntil: number;
  backlog: string[];
}

/**
 * Traces by id: who watches (inspect sockets), who is watched (connections opened with
 * `?trace=<id>`), and the faults a learner switched on. Faults touch only their own trace.
 */
export class TraceHub {
  readonly #traces = new Map<string, Trace>();
  /**
   * Inspect sockets watching each trace. Shared by instances when the store shares rooms
   * (Redis), so an inspector sees a traced connection whichever instance it landed on.
   */
  readonly #watchers: Rooms<WebSocket>;

  constructor(watchers: Rooms<WebSocket> = memoryRooms(sendToEach)) {
    this.#watchers = watchers;
  }

  #get(id: string): Trace {
    let trace = this.#traces.get(id);
    if (!trace) {
      trace = { id, nextConnection: 1, connections: new Set(), latencyMs: 0, outageUntil: 0, backlog: [] };
      this.#traces.set(id, trace);
    }
    return trace;
  }

  /**
   * Forget a trace nobody uses any more (its faults end with it, except a running outage).
   * Only if it is still the trace under that id: a late timer or close of an old trace must not
   * delete a newer one that took the same id since.
   */
  #release(trace: Trace): void {
    if (this.#traces.get(trace.id) !== trace) return;
    if (this.#watchers.members(trace.id).size === 0 && trace.connections.size === 0 && trace.outageUntil <= Date.now()) this.#traces.delete(trace.id);
  }

  #publish(trace: Trace, event: InspectEvent): void {
    const text = JSON.stringify(event);
    trace.backlog.push(text);
    if (trace.backlog.length > BACKLOG) trace.backlog.shift();
    this.#watchers.publish(trace.id, { data: text, isBinary: false });
  }

  /** Seconds left of a simulated outage for this trace, or 0. */
  outageSecondsLeft(id: string): number {
    const trace = this.#traces.get(id);
    return trace ? Math.max(0, Math.ceil((trace.outageUntil - Date.now()) / 1000)) : 0;
  }

  /** An inspect socket starts watching: it gets the recent events first, then live ones. */
  subscribe(id: string, inspector: WebSocket): () => void {
    const trace = this.#get(id);
    for (const text of trace.backlog) inspector.send(text);
    this.#watchers.join(id, inspector);
    return () => {
      this.#watchers.leave(id, inspector);
      this.#release(trace);
    };
  }

  /** A connection opened with `?trace=<id>`: report its handshake and return its tap. */
  attach(id: string, path: string, req: IncomingMessage, socket: Duplex): TraceTap {
    const trace = this.#get(id);
    const connection = trace.nextConnection++;
    trace.connections.add(socket);
    const base = () => ({ connection, path, at: now() });
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
    this.#publish(trace, {
      type: 'handshake',
      ...base(),
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      httpVersion: req.httpVersion,
      headers,
      accept: acceptFor(String(req.headers['sec-websocket-key'] ?? '')),
    });
    return {
      frame: (direction, opcode, payload, close, wire) => {
        const payloadBytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
        this.#publish(trace, {
          type: 'frame',
          ...base(),
          direction,
          opcode,
          payloadBytes,
          wireBytes: wire?.wireBytes ?? payloadBytes + frameHeaderLength(payloadBytes, direction === 'in'),
          ...(wire?.compressed ? { compressedBytes: wire.wirePayloadBytes } : {}),
          preview: close ? close.reason : preview(payload, opcode === 'text'),
          ...close,
        });
      },
      closed: (code, reason) => {
        this.#publish(trace, { type: 'closed', ...base(), code, reason });
        trace.connections.delete(socket);
        this.#release(trace);
      },
      latencyMs: () => trace.latencyMs,
    };
  }

  /** Destroys the trace's TCP connections without a close frame: clients see 1006. */
  drop(id: string): number {
    const trace = this.#get(id);
    const count = trace.connections.size;
    for (const socket of trace.connections) socket.destroy();
    return count;
  }

  /** Drops the trace's connections and refuses its upgrades for `seconds`. */
  outage(id: string, seconds: number): number {
    const trace = this.#get(id);
    trace.outageUntil = Date.now() + seconds * 1000;
    setTimeout(() => this.#release(trace), seconds * 1000 + 10).unref();
    return this.drop(id);
  }

  /** Silences the trace's open connections both ways, with no close: a half-open link. */
  blackhole(id: string): number {
    const trace = this.#get(id);
    for (const socket of trace.connections) silence(socket);
    return trace.connections.size;
  }

  latency(id: string, ms: number): void {
    this.#get(id).latencyMs = ms;
  }

  /** Reports a fault to the trace's inspectors (connection 0: the trace as a whole). */
  announce(id: string, fault: FaultName, detail: { ms?: number; seconds?: number; connections?: number }): void {
    this.#publish(this.#get(id), { type: 'fault', connection: 0, path: '/ws/inspect', at: now(), fault, ...detail });
  }
}
