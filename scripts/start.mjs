#!/usr/bin/env node
// `npm start`: builds the web app when web/dist is missing or older than its sources (skipped
// silently while web/vite.config.ts does not exist), then runs the server through tsx.
// Environment: PORT (8080), HOST (127.0.0.1), SMA_DB (./data/sma.db or a postgres:// URL).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const web = join(root, 'web')
const dist = join(web, 'dist')

/** Newest modification time under a path, skipping build output and dependencies. */
function newest(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let max = st.mtimeMs
  for (const name of readdirSync(path)) {
    if (name === 'dist' || name === 'node_modules') continue
    max = Math.max(max, newest(join(path, name)))
  }
  return max
}

if (existsSync(join(web, 'vite.config.ts'))) {
  const built = existsSync(join(dist, 'index.html'))
    ? statSync(join(dist, 'index.html')).mtimeMs
    : 0
  if (built < newest(web)) {
    process.stdout.write('sma-desk: building the web app…\n')
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
      { cwd: root, stdio: 'inherit' },
    )
    if (r.status !== 0) {
      process.stderr.write('sma-desk: the web build failed; serving the API without the web app\n')
    }
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
