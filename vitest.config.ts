import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          environment: 'node',
          include: ['src/domain/**/*.test.ts', 'src/contracts/**/*.test.ts', 'data/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/{cli,server,db,services,workers,data,record,projection,exports}/**/*.test.ts',
            'src/*.test.ts',
            'bench/**/*.test.ts',
          ],
          // A guard against hangs, not a speed check (speed is benchmarked): the authorization
          // matrix and the canary scan make thousands of requests, and on a loaded two-core
          // machine (CI beside other jobs) took over 60 s on PostgreSQL.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      { test: { name: 'web', environment: 'jsdom', include: ['web/src/**/*.test.{ts,tsx}'] } },
    ],
  },
})
