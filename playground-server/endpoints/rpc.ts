import type { WsEndpoint } from './types.ts';
import { RpcRequest, rpcTiming, type RpcResponse } from '../../protocol/rpc.ts';
import { parseJsonMessage } from '../json-message.ts';

/** Milliseconds before answering, given how many answers on this socket are already waiting. */
export function rpcDelay(waiting: number, random: () => number = Math.random): number {
  const { longestMs, stepMs, shortestMs, jitterMs } = rpcTiming;
  return Math.max(shortestMs, longestMs - stepMs * waiting) + Math.floor(random() * jitterMs);
}

/**
 * `WS /ws/rpc`: each `{type:"request", id, body}` is answered with `{type:"response", id, body}`
 * after a delay that shrinks with the number already waiting, so overlapping requests are
 * answered in reverse order: a client that pairs answers with requests first-in-first-out is
 * visibly wrong. At most `maxPending` wait per socket (memory stays bounded); timers die with it.
 */
export const rpcEndpoint: WsEndpoint<null> = {
  name: 'rpc',
  match: (url) => (url.pathname === '/ws/rpc' ? { params: null } : null),
  open(ws) {
    const waiting = new Set<ReturnType<typeof setTimeout>>();
    ws.on('close', () => {
      for (const timer of waiting) clearTimeout(timer);
      waiting.clear();
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const parsed = parseJsonMessage(RpcRequest, data, isBinary);
      if (!parsed.ok) return void ws.send(JSON.stringify(parsed.error));
      if (waiting.size >= rpcTiming.maxPending) {
        return void ws.send(JSON.stringify({ type: 'error', code: 'too_many_pending', message: `${rpcTiming.maxPending} requests are already waiting; wait for an answer first` }));
      }
      const { id, body } = parsed.value;
      const timer = setTimeout(() => {
        waiting.delete(timer);
        ws.send(JSON.stringify({ type: 'response', id, body } satisfies RpcResponse));
      }, rpcDelay(waiting.size));
      waiting.add(timer);
    });
  },
};
