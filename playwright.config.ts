import { defineConfig, devices } from '@playwright/test';
import { benchBrowserArgs } from './bench/browser-args.ts';

/**
 * E2E runs against the production build (`npm run build` first) served by the real
 * playground server. Its own port, so a dev server on 4321 does not get in the way.
 */
const port = Number(process.env.E2E_PORT ?? 4399);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot reach its host from here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: benchBrowserArgs,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'npm run serve',
    url: `${baseURL}/healthz`,
    // A fast heartbeat so the playground's e2e sees the server's ping and the browser's pong;
    // a short reconnect grace so "a cut longer than the grace" takes seconds, not a minute;
    // room for every workshop spec's rooms (a laptop's default of 20 is reached by the suite).
    env: { PORT: String(port), HOST: 'localhost', DUPLEX_HEARTBEAT_MS: '2000', WORKSHOP_RECONNECT_GRACE_SECONDS: '15', WORKSHOP_MAX_ROOMS: '500', DUPLEX_EPHEMERAL: 'true' },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
