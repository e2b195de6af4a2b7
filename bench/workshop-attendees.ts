// One process of simulated attendees for the workshop benchmarks: joins `count` WebSocket clients
// to a room, then for every snippet reports the moment its last client received it
// (bench/workshop.ts), and on `report` each client sends a run result every `everyMs` for
// `seconds`, stamped with the time it was sent (bench/workshop-class.ts reads it off the host's grid).
import { WebSocket } from 'ws';

const [url = '', countText = '0', prefix = 'a'] = process.argv.slice(2);
const count = Number(countText);
const now = () => performance.timeOrigin + performance.now();
/** Snippet id → [clients that got it, latest receipt time]. */
const receipts = new Map<number, [number, number]>();
const sockets: WebSocket[] = [];

function joinOne(index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    sockets.push(ws);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'join', name: `${prefix}-${index}` })));
    ws.once('error', reject);
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; snippet?: { id: number } };
      if (message.type === 'welcome') return resolve();
      if (message.type !== 'snippet' || !message.snippet) return;
      const at = now();
      const [got, latest] = receipts.get(message.snippet.id) ?? [0, 0];
      receipts.set(message.snippet.id, [got + 1, Math.max(latest, at)]);
      if (got + 1 === count) process.send?.({ type: 'received', id: message.snippet.id, last: Math.max(latest, at) });
    });
  });
}

// Joining in small batches keeps the server's accept queue short, like people arriving.
for (let i = 0; i < count; i += 10) {
  await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => joinOne(i + k)));
}
process.send?.({ type: 'ready' });
/** Each client reports on its own phase within `everyMs`, as a class does, not all at once. */
function report(exercise: string, everyMs: number, seconds: number): void {
  const end = now() + seconds * 1000;
  let sent = 0;
  for (const ws of sockets) {
    const tick = () => {
      if (now() >= end) return;
      // Date.now(): the host page stamps arrival with the same wall clock.
      ws.send(JSON.stringify({ type: 'progress', exercise, state: 'error', error: `t${Date.now()}` }));
      sent++;
      setTimeout(tick, everyMs);
    };
    setTimeout(tick, Math.random() * everyMs);
  }
  setTimeout(() => process.send?.({ type: 'reported', sent }), seconds * 1000 + everyMs);
}

process.on('message', (message: { type: string; exercise?: string; everyMs?: number; seconds?: number }) => {
  if (message.type === 'report') return report(message.exercise ?? 'own-code', message.everyMs ?? 2000, message.seconds ?? 60);
  if (message.type !== 'stop') return;
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
