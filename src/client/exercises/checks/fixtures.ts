import type { RunEvent } from '../../playground/runner/run-protocol.ts';

/** Hand-made run events for the checks' tests. */

export function frame(event: 'send' | 'message', socket: number, at: number, preview: string, extra: { binary?: boolean; bytes?: number; queued?: boolean } = {}): RunEvent {
  return { type: 'socket', event, socket, at, preview, binary: extra.binary ?? false, payloadBytes: extra.bytes ?? preview.length, ...(extra.queued === undefined ? {} : { queued: extra.queued }) };
}

export function logLine(at: number, text: string): RunEvent {
  return { type: 'console', level: 'log', text, at };
}

export function connecting(socket: number, at: number, url: string): RunEvent {
  return { type: 'socket', event: 'connecting', socket, at, url };
}

export function opened(socket: number, at: number): RunEvent {
  return { type: 'socket', event: 'open', socket, at };
}

export function closed(socket: number, at: number, code: number, reason = '', wasClean = true): RunEvent {
  return { type: 'socket', event: 'close', socket, at, code, reason, wasClean };
}

