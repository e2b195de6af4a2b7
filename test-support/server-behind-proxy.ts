import type { Config } from '../playground-server/config.ts';
import { startTestServer } from '../playground-server/test-support.ts';
import { FaultProxy } from './fault-proxy.ts';

/**
 * A real server on 127.0.0.1 with a fault proxy in front of it, both stopped after the test.
 * `proxiedWsUrl` is the ws:// origin through the proxy, the path a test can break.
 */
export async function serverBehindProxy(t: { after(fn: () => Promise<void>): void }, overrides: Partial<Config> = {}) {
  const server = await startTestServer(overrides);
  const proxy = await FaultProxy.start(server.url);
  t.after(async () => {
    await proxy.stop();
    await server.close();
  });
  return { server, proxy, proxiedWsUrl: `ws://127.0.0.1:${proxy.port}` };
}
