// `npm run cluster`: a local redis-server and two Duplex instances sharing it, on two ports,
// to see multi-instance rooms on one machine. Ctrl+C stops all three.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const redisPort = Number(process.env.REDIS_PORT ?? 6390);
const ports = [Number(process.env.PORT ?? 4321), Number(process.env.PORT ?? 4321) + 1];
const redisDir = mkdtempSync(join(tmpdir(), 'duplex-cluster-redis-'));
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  void Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined))).then(() => {
    rmSync(redisDir, { recursive: true, force: true });
    process.exit(code);
  });
}

/** Starts a child and resolves once `ready` shows in its output; any early exit stops everything. */
function start(command: string, args: string[], ready: string, name: string): Promise<void> {
  // Their own process group: Ctrl+C reaches only this script, which stops each child once, in order.
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  children.push(child);
  child.once('error', (error) => {
    console.error(`duplex cluster: cannot start ${name}: ${error.message}${command === 'redis-server' ? ' (install it: sudo apt-get install -y redis-server)' : ''}`);
    stopAll(1);
  });
  child.once('exit', (code) => {
    if (!stopping && code !== 0) {
      console.error(`duplex cluster: ${name} exited with ${code}`);
      stopAll(1);
    }
  });
  return new Promise((resolve) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (command !== 'redis-server') process.stdout.write(`[${name}] ${chunk}`);
      if (output.includes(ready)) resolve();
    });
  });
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

await start('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir], 'Ready to accept connections', 'redis-server');
const redisUrl = `redis://127.0.0.1:${redisPort}`;
await Promise.all(
  ports.map((port, i) =>
    start(
      process.execPath,
      // Each names the other as the scaling demo's second instance: its client 2 goes there for real.
      ['playground-server/main.ts', '--port', String(port), '--redis', redisUrl, '--demo-peer', `http://localhost:${ports[1 - i]}`, ...process.argv.slice(2)],
      'Duplex is running',
      `instance ${'AB'[i]}`,
    ),
  ),
);
console.log(`\nTwo Duplex instances share ${redisUrl}:\n  A  http://localhost:${ports[0]}/\n  B  http://localhost:${ports[1]}/\n(Ctrl+C stops all three)`);
