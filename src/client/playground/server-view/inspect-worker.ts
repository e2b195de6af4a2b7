/// <reference lib="webworker" />
import { batcher } from '../runner/batcher.ts';
import type { InspectRunEvent } from '../runner/run-protocol.ts';
import { InspectLinks } from './inspect-links.ts';
import type { ServerViewReport, ServerViewRequest } from './server-view-messages.ts';

/**
 * The server's view of a run lives in its own thread: one inspect WebSocket per traced socket
 * means one task per frame, and at thousands of frames a second those tasks alone would starve
 * the page's main thread (input, drawing). Here they are received and validated, and reach the
 * page in batches.
 */
declare const self: DedicatedWorkerGlobalScope;

const post = (report: ServerViewReport) => self.postMessage(report);
const events = batcher<InspectRunEvent>((batch) => post({ type: 'events', events: batch }));
/** Long enough for the close frames of every link to go out before the thread ends. */
const closeGraceMs = 1000;
let links: InspectLinks | null = null;

self.addEventListener('message', (message: MessageEvent<ServerViewRequest>) => {
  const request = message.data;
  if (request.type === 'start') links = new InspectLinks(request.server, (event) => events.push(event));
  else if (request.type === 'watch') void links?.watch(request.trace, request.socket).then(() => post({ type: 'watching', socket: request.socket }));
  else if (request.type === 'fault') links?.fault(request.command);
  else {
    links?.close();
    setTimeout(() => self.close(), closeGraceMs);
  }
});
