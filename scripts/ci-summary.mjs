// Adds up Vitest's and Playwright's JSON reports and the lint/typecheck checks, prints the
// failures and the closing line "N passed, N failed[, N skipped]", and exits 1 on any failure or
// when a report is missing (a runner that crashed must not look like a pass).
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
const failures = []

const checks = existsSync('test-results/checks.txt')
  ? readFileSync('test-results/checks.txt', 'utf8').trim().split('\n').filter(Boolean)
  : []
for (const line of checks) {
  const [status, name] = line.split(' ')
  if (status === 'pass') passed++
  else {
    failed++
    failures.push(`check: ${name}`)
  }
}

/** Counts one Vitest JSON report; `label` prefixes its failures ("" for the Node 20 run). */
function countVitest(reportFile, exitFile, label) {
  if (!existsSync(reportFile)) {
    failed++
    failures.push(`${label}vitest: no report (the runner crashed)`)
    return
  }
  const v = JSON.parse(readFileSync(reportFile, 'utf8'))
  passed += v.numPassedTests ?? 0
  failed += v.numFailedTests ?? 0
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
  for (const file of v.testResults ?? []) {
    if (
      file.status === 'failed' &&
      (file.assertionResults ?? []).every((a) => a.status !== 'failed')
    ) {
      failed++
      failures.push(`${label}vitest file failed to run: ${file.name}`)
    }
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'failed') failures.push(`${label}vitest: ${a.fullName}`)
    }
  }
  // unhandled errors (or a crashed worker) fail the run without failing a test: count them too
  const exit = existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 0
  if (exit !== 0 && (v.numFailedTests ?? 0) === 0) {
    failed++
    failures.push(`${label}vitest exited with code ${exit} (unhandled errors)`)
  }
}

countVitest('test-results/vitest.json', 'test-results/vitest.exit', '')
// The second run on Node 24 (scripts/node24-tests.sh), when scripts/test-all.sh ran it.
if (existsSync('test-results/vitest-node24.exit')) {
  countVitest('test-results/vitest-node24.json', 'test-results/vitest-node24.exit', 'node24: ')
}

const pwFile = 'test-results/playwright.json'
if (existsSync('playwright.config.ts') && process.env.CHROMIUM_PATH) {
  if (existsSync(pwFile)) {
    const p = JSON.parse(readFileSync(pwFile, 'utf8'))
    const s = p.stats ?? {}
    passed += (s.expected ?? 0) + (s.flaky ?? 0)
    failed += s.unexpected ?? 0
    skipped += s.skipped ?? 0
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) if (!spec.ok) failures.push(`playwright: ${spec.title}`)
      for (const child of suite.suites ?? []) walk(child)
    }
    for (const suite of p.suites ?? []) walk(suite)
    for (const e of p.errors ?? []) {
      failed++
      failures.push(`playwright error: ${String(e.message ?? '').split('\n')[0]}`)
    }
  } else {
    failed++
    failures.push('playwright: no report (the runner crashed)')
  }
}

if (failures.length > 0) {
  console.log('\nFailures:')
  for (const f of failures) console.log(`  - ${f}`)
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exitCode = failed > 0 ? 1 : 0
