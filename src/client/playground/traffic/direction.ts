import type { InspectEvent } from '../../../../protocol/inspect.ts';
import type { SocketEvent } from '../runner/run-protocol.ts';

/**
 * Which way a frame goes, in the browser's one word for it: up is client→server, down is
 * server→client. The two reports of a frame say it in their own terms; this is the one place
 * those are translated (the wire's `in`/`out` stay as PROTOCOL.md documents them).
 */
export type Direction = 'up' | 'down';

export const allDirections: readonly Direction[] = ['up', 'down'];

/** The server's view: a frame it received (`in`) went up, one it sent (`out`) comes down. */
export const serverDirection: Record<Extract<InspectEvent, { type: 'frame' }>['direction'], Direction> = { in: 'up', out: 'down' };

/** The browser's view: what the learner's socket sends goes up, a message comes down. */
export const clientDirection: Record<Extract<SocketEvent, { event: 'send' | 'message' }>['event'], Direction> = { send: 'up', message: 'down' };
