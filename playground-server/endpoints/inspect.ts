import { InspectCommand, TraceId } from '../../protocol/inspect.ts';
import { parseJsonMessage } from '../json-message.ts';
import type { TraceHub } from '../trace-hub.ts';
import type { WsEndpoint } from './types.ts';

/**
 * `WS /ws/inspect?trace=<id>`: the server's view of every connection opened with the same
 * `?trace=<id>` (handshake, every frame, the close), and faults on demand for that trace only.
 */
export function inspectEndpoint(hub: TraceHub): WsEndpoint<{ trace: string }> {
  return {
    name: 'inspect',
    traceable: false,
    match(url) {
      if (url.pathname !== '/ws/inspect') return null;
      const trace = TraceId.safeParse(url.searchParams.get('trace') ?? '');
      if (!trace.success) return { status: 400, reason: 'trace must be 4–64 letters, digits, "-" or "_" (e.g. ?trace=lesson-3)' };
      return { params: { trace: trace.data } };
    },
    open(ws, _req, { trace }) {
      const unsubscribe = hub.subscribe(trace, ws);
      ws.on('close', unsubscribe);
      ws.on('message', (data: Buffer, isBinary) => {
        const parsed = parseJsonMessage(InspectCommand, data, isBinary);
        if (!parsed.ok) return ws.send(JSON.stringify(parsed.error));
        const command = parsed.value;
        if (command.type === 'drop') hub.announce(trace, 'drop', { connections: hub.drop(trace) });
        else if (command.type === 'blackhole') hub.announce(trace, 'blackhole', { connections: hub.blackhole(trace) });
        else if (command.type === 'outage') hub.announce(trace, 'outage', { seconds: command.seconds, connections: hub.outage(trace, command.seconds) });
        else {
          hub.latency(trace, command.ms);
          hub.announce(trace, 'latency', { ms: command.ms });
        }
      });
    },
  };
}
