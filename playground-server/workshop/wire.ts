import { WebSocket } from 'ws';
import type { WorkshopServerMessage } from '../protocol/workshop.ts';

/** A browser that stops reading (a sleeping laptop) is dropped past this, so memory stays bounded. */
const maxBufferedBytes = 1 << 20;

function sendText(ws: WebSocket, text: string): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  // It reconnects when it wakes and catches up from the room state, so nothing is lost by dropping it.
  if (ws.bufferedAmount > maxBufferedBytes) return void ws.terminate();
  ws.send(text);
}

export function send(ws: WebSocket, message: WorkshopServerMessage): void {
  sendText(ws, JSON.stringify(message));
}

/** Serialises once for the whole room: with 500 attendees that is most of the cost of a push. */
export function broadcast(sockets: Iterable<WebSocket>, message: WorkshopServerMessage): void {
  const text = JSON.stringify(message);
  for (const ws of sockets) sendText(ws, text);
}
