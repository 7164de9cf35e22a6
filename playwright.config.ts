import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

/**
 * Browser tests against the real server (SQLite in a fresh temp file) serving the built web app.
 * Chromium is Debian's (never downloaded): CHROMIUM_PATH or /usr/bin/chromium.
 */
const PORT = Number(process.env.E2E_PORT ?? 8181)
// Set once in the runner process; workers inherit it, so every process sees the same file.
process.env.SMA_E2E_DB ??= join(tmpdir(), `sma-e2e-${Date.now()}-${process.pid}.db`)
const dbFile = process.env.SMA_E2E_DB
// Signed audit checkpoints (the audit page's "verify chain" compares with the newest one).
const checkpointDir = `${dbFile}.checkpoints`

/**
 * Specs that change the shared record (a new index release) run after every other spec, which
 * read the record as shipped (e.g. 2028 of the 12th SMA still pending).
 */
const CHANGES_RECORD = /index-release\.spec\.ts$/

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  projects: [
    { name: 'read', testIgnore: CHANGES_RECORD },
    { name: 'changes-record', testMatch: CHANGES_RECORD, dependencies: ['read'] },
  ],
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Asia/Seoul',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'npm run build:web && node --import tsx src/server/main.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      SMA_DB: dbFile,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SMA_DEMO_USERS: '1',
      SMA_RATE_LIMIT: '0',
      LOG_LEVEL: 'warn',
      // The server's clock, pinned like the browser's (e2e/fixtures.ts: PINNED_NOW).
      SMA_NOW: '2026-11-28T01:00:00Z',
      SMA_AUDIT_CHECKPOINT_DIR: checkpointDir,
      SMA_INSTANCE_KEY_FILE: join(checkpointDir, 'instance-key.pem'),
    },
  },
})
