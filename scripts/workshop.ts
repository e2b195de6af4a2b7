// `npm run workshop`: the site and the playground server on every network interface, so the
// attendees' laptops and phones on the same Wi-Fi can reach it; prints the addresses and a QR code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../playground-server/config.ts';
import { reachableAddresses } from '../playground-server/workshop/lan.ts';
import { workshopBanner } from '../playground-server/workshop/banner.ts';

const args = process.argv.slice(2);
const env = { ...process.env, HOST: process.env.HOST ?? '0.0.0.0' };
let config;
try {
  config = loadConfig(args, env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`duplex workshop: ${error.message}`);
  process.exit(2);
}

if (!existsSync(`${config.siteDir}/index.html`)) {
  console.log('Building the site first (only needed once)…');
  if (spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
}

// The server handles Ctrl+C itself (it closes every socket with 1001, then exits); we only wait for it.
const server = spawn(process.execPath, ['playground-server/main.ts', ...args], { stdio: 'inherit', env });
server.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGINT', () => undefined);

const local = `http://127.0.0.1:${config.port}/healthz`;
for (let attempt = 0; attempt < 100; attempt++) {
  if (await fetch(local).then((res) => res.ok, () => false)) {
    console.log(workshopBanner(config.port, reachableAddresses(config.host)));
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
