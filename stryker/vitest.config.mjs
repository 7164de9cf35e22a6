// @ts-check
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Mutation testing (stryker/stryker.config.mjs) runs only the tests of the pure money core and the
// agreement rules: they need no database, so Node 24 never loads better-sqlite3 (whose build in
// node_modules is for the Node that ran `npm ci`), and every mutant is tested within minutes.
export default defineConfig({
  test: {
    name: 'mutation',
    root: fileURLToPath(new URL('..', import.meta.url)),
    environment: 'node',
    // Instrumented code on a shared machine is several times slower than a plain run: the
    // property tests (fast-check) must not fail the dry run by timing out.
    testTimeout: 60_000,
    include: ['src/domain/money/**/*.test.ts', 'src/domain/agreement/**/*.test.ts'],
  },
})
