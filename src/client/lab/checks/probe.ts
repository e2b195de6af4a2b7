import { notYet as fail, type Verdict } from '../../exercises/checks/types.ts';
import type { LabReport } from '../lab-run-event.ts';

/**
 * Real browser WebSockets aimed at the learner's lab, with every event recorded, so a check
 * judges what a browser saw — never what the learner's code says about itself.
 */

/** Where the lab is, and how long a check waits for each answer. */
export interface LabTarget {
  /** `ws://…/lab/<id>`. */
  url: string;
  timeoutMs: number;
  /** How a raw pipe socket is opened (tests pass one that sends the page's Origin, as a browser does). */
  openSocket?: (url: string) => WebSocket;
  /** Told what each browser socket does (open, each message, close), for the lab view. */
  note?: (socket: number, text: string) => void;
  /**
   * What the tunnel carried for this run so far, as `serve()` reported it (the bytes the learner's
   * server wrote, and the browser's): a check about the wire reads the frames from here, never
   * from the learner's log.
   */
  wire: () => readonly LabReport[];
}

/** Socket numbers per target, 1, 2, … in the order a check opened them. */
const opened = new WeakMap<LabTarget, number>();

export type Received = { binary: boolean; data: Uint8Array; text: string };

export interface Probe {
  ws: WebSocket;
  received: Received[];
  /** Set once the socket closed: the code, and whether a close frame came (wasClean). */
  closed: { code: number; reason: string; wasClean: boolean } | null;
  /** Resolves when `done()` holds after some event, or with false after the timeout. */
  until(done: () => boolean): Promise<boolean>;
}

const text = new TextDecoder();

/** Opens a socket to the lab (plus `path`) and waits for `open`; resolves with the probe, or a verdict of why not. */
export function openProbe(target: LabTarget, path = ''): Promise<Probe | Verdict> {
  const { timeoutMs } = target;
  const n = (opened.get(target) ?? 0) + 1;
  opened.set(target, n);
  const note = (text: string) => target.note?.(n, text);
  const ws = new WebSocket(`${target.url}${path}`);
  note(`connecting to ${path || '/'}`);
  ws.binaryType = 'arraybuffer';
  const waiters = new Set<() => void>();
  const probe: Probe = {
    ws,
    received: [],
    closed: null,
    until(done) {
      if (done()) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          resolve(false);
        }, timeoutMs);
        const check = () => {
          if (!done()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(true);
        };
        waiters.add(check);
      });
    },
  };
  const wake = () => [...waiters].forEach((waiter) => waiter());
  ws.addEventListener('message', (event: MessageEvent) => {
    const binary = event.data instanceof ArrayBuffer;
    const data = binary ? new Uint8Array(event.data as ArrayBuffer) : new TextEncoder().encode(String(event.data));
    probe.received.push({ binary, data, text: binary ? '' : String(event.data) });
    note(`message: ${binary ? `binary, ${data.length} bytes` : `text, ${data.length} bytes: ${String(event.data).slice(0, 60)}`}`);
    wake();
  });
  ws.addEventListener('close', (event: CloseEvent) => {
    probe.closed = { code: event.code, reason: event.reason, wasClean: event.wasClean };
    note(`close ${event.code}${event.reason ? ` ${event.reason}` : ''}${event.wasClean ? '' : ' (no close frame)'}`);
    wake();
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ws.close();
      resolve(fail(`the browser's socket did not open within ${timeoutMs} ms: is the handshake answered once the whole request head has arrived?`));
    }, timeoutMs);
    ws.addEventListener('open', () => {
      note('open');
      clearTimeout(timer);
      resolve(probe);
    });
    ws.addEventListener('close', (event: CloseEvent) => {
      clearTimeout(timer);
      resolve(fail(`the browser refused the handshake and closed with ${event.code}: check the 101 status line, Upgrade, Connection and Sec-WebSocket-Accept (base64 of SHA-1 of the key + GUID)`));
    });
  });
}

export const isVerdict = (value: Probe | Verdict): value is Verdict => 'passed' in value;

/** Opens a probe on `path`, lets `use` judge with it, and closes it; or says why it did not open. */
export async function withProbe(target: LabTarget, path: string, use: (probe: Probe) => Promise<Verdict>): Promise<Verdict> {
  const probe = await openProbe(target, path);
  if (isVerdict(probe)) return probe;
  try {
    return await use(probe);
  } finally {
    probe.ws.close();
  }
}

/** A message of `bytes` UTF-8 bytes with some two-byte characters, different on every run. */
export function textOf(bytes: number): string {
  const seed = `${Math.random().toString(36).slice(2, 8)} `;
  const unit = 'héllo wörld '; // 14 bytes in UTF-8
  const body = unit.repeat(Math.ceil(bytes / 14));
  let text = (seed + body).slice(0, bytes);
  while (new TextEncoder().encode(text).length > bytes) text = text.slice(0, -1);
  return text.padEnd(text.length + bytes - new TextEncoder().encode(text).length, '.');
}

/** Bytes that differ, said briefly: where the first difference is. */
export function sameBytes(a: Uint8Array, b: Uint8Array): string | null {
  if (a.length !== b.length) return `${a.length} bytes instead of ${b.length}`;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `byte ${i} is 0x${a[i]!.toString(16)} instead of 0x${b[i]!.toString(16)} (still masked?)`;
  return null;
}

export const decode = (bytes: Uint8Array) => text.decode(bytes);
