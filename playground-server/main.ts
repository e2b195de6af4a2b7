import { ConfigError, helpText, loadConfig } from './config.ts';
import { startServer } from './server.ts';
import { StoreError } from './store/store-error.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(helpText());
  process.exit(0);
}

let config;
try {
  config = loadConfig(args, process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`duplex server: ${error.message}`);
  process.exit(2);
}

const running = await startServer(config).catch((error: NodeJS.ErrnoException) => {
  if (error instanceof StoreError) {
    console.error(`duplex server: ${error.message}`);
    process.exit(1);
  }
  const hint = error.code === 'EADDRINUSE' ? ` (port ${config.port} is taken: set PORT or --port)` : '';
  console.error(`duplex server: cannot listen on ${config.host}:${config.port}${hint}: ${error.message}`);
  process.exit(1);
});
console.log(`Duplex is running at ${running.url}/  (Ctrl+C to stop)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1); // a second Ctrl+C forces it
    stopping = true;
    console.log(`\n${signal}: closing connections (1001) and stopping…`);
    void running.close().then(() => process.exit(0));
  });
}
