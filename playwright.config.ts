import { defineConfig, devices } from '@playwright/test';

const PORT = 3100;
const DATA_DIR = '.data-e2e';

/**
 * End-to-end tests run against the production build (`npm run test:e2e` builds first) on fresh
 * embedded stores, in Debian's Chromium (Playwright cannot download its own browsers here).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Signing in with an authenticator code can wait up to 30 s for a step not yet used.
  timeout: 90_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, testIgnore: /phone\.spec\.ts/ },
    { name: 'phone', use: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true }, testMatch: /phone\.spec\.ts/ },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && node build/server.js`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      PORT: String(PORT),
      PUBLIC_URL: `http://localhost:${PORT}`,
      CONTACT_EMAIL: 'family-voice-e2e@example.org',
      CONTACT_PHONE: '0300 123 4567',
      DATA_DIR,
      DEMO_DATA: 'true',
      PSEUDONYM_KEY: 'e2e-pseudonym-key-0123456789-abcdefghijklmnopqrstuvwxyz',
      SESSION_SECRET: 'e2e-session-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      LOG_LEVEL: 'warn',
      // The conformance corpus, and a broken set beside the good ones (it must not stop the service).
      SURVEYS_DIR: 'surveys,tests/fixtures/surveys,tests/fixtures/surveys-broken',
    },
  },
});
