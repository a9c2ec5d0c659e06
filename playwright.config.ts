import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (no downloaded browser) against the production
 * server. `npm run test:e2e` (scripts/e2e.mjs) prepares the database and port.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
/** E2E_BASE_URL points the suite at a server that is already running (e.g. a dev server). */
const externalServer = process.env.E2E_BASE_URL;
const baseURL = externalServer ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'sign-in', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'] },
      dependencies: ['sign-in'],
    },
  ],
  webServer: externalServer
    ? undefined
    : {
        // The server binary itself, in its own process group, so stopping it frees the port.
        command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
        url: `${baseURL}/sign-in`,
        timeout: 120_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
