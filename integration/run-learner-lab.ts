import { WebSocket as NodeWebSocket } from 'ws';
import { createServe, type Lab, type OwnerSocket } from '../src/client/lab/serve.ts';
import type { LabReport } from '../src/client/lab/lab-run-event.ts';

/**
 * Test support: runs learner code that calls `serve()` in Node against a real server, the way
 * the run worker does in the page (same `serve`, same tunnel), so checks can be proven against
 * real solutions, starters and cheats without a browser. The owner link carries the page's
 * Origin, as a worker's socket would.
 */
export async function runLab(serverUrl: string, code: string) {
  const owners: NodeWebSocket[] = [];
  const reports: LabReport[] = [];
  const logs: string[] = [];
  const open = (url: string) => {
    const ws = new NodeWebSocket(url, { headers: { Origin: serverUrl } });
    owners.push(ws);
    // Like a browser's socket: a refused upgrade is an error, then a 1006 close, which serve() reads.
    ws.on('error', () => {});
    return ws as unknown as OwnerSocket;
  };
  let lab: Promise<Lab> | undefined;
  const serve = createServe(serverUrl, (report) => reports.push(report), open);
  const program = new Function('serve', 'log', code) as (s: typeof serve, l: (...v: unknown[]) => void) => void;
  program((onConnection) => (lab = serve(onConnection)), (...values) => logs.push(values.join(' ')));
  if (!lab) throw new Error('the code never called serve()');
  return {
    lab: await lab,
    reports,
    logs,
    stop: () => owners.forEach((ws) => ws.close()),
  };
}
