import { WorkshopCloseCode, type WorkshopClientMessage } from '../../../protocol/workshop.ts';
import { serverOrigin } from '../socket/server-origin.ts';
import { socketUrl } from '../socket/socket-url.ts';

/** `unknown`: the server could not be asked (offline, slow): joining will say what is wrong. */
export type RoomProbe = { state: 'found' } | { state: 'refused'; reason: string } | { state: 'unknown' };

/** Answers that mean "this code leads nowhere": the person should type it again. */
const refusals: readonly number[] = [WorkshopCloseCode.noSuchRoom, WorkshopCloseCode.ended, WorkshopCloseCode.tooManyGuesses];

/** Past this the probe gives up and lets the person go on to the name form. */
const patienceMs = 8_000;

/**
 * Asks the server whether room `code` exists before the page asks for a name. The server
 * refuses a wrong code with a close code and a reason as soon as the socket opens; a room that
 * exists waits for a hello, so the probe sends the workshop `ping` (answered before any hello)
 * and a `pong` means the room is there. The probe never says hello: it takes no seat and does
 * not count as activity in the room.
 */
export function probeRoom(code: string): Promise<RoomProbe> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(socketUrl(`/ws/workshop/${code}`, serverOrigin()));
    } catch {
      return resolve({ state: 'unknown' });
    }
    const done = (outcome: RoomProbe) => {
      clearTimeout(timer);
      resolve(outcome);
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000, 'probe done');
    };
    const timer = setTimeout(() => done({ state: 'unknown' }), patienceMs);
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'ping' } satisfies WorkshopClientMessage)));
    socket.addEventListener('message', () => done({ state: 'found' }));
    socket.addEventListener('close', (event) => done(refusals.includes(event.code) ? { state: 'refused', reason: event.reason || `no workshop room ${code}` } : { state: 'unknown' }));
  });
}
