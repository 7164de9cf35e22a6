#!/usr/bin/env node
// `npm start`: builds the web app when web/dist is missing or older than its sources (skipped
// silently while web/vite.config.ts does not exist, or when Vite is not installed), compiles the
// server when dist/ is missing or stale (scripts/build.mjs), then runs the compiled server in this
// process. Settings come from the environment (README, "Running the server").
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import module from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { DIST, ensureBuilt } from './build.mjs'

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

const vite = join(root, 'node_modules/vite/bin/vite.js')
if (existsSync(join(web, 'vite.config.ts'))) {
  const built = existsSync(join(dist, 'index.html'))
    ? statSync(join(dist, 'index.html')).mtimeMs
    : 0
  // the web bundle also compiles the shared domain and contracts
  const sources = Math.max(
    newest(web),
    newest(join(root, 'src/domain')),
    newest(join(root, 'src/contracts')),
  )
  if (built < sources) {
    if (!existsSync(vite)) {
      process.stderr.write(
        built === 0
          ? 'sma-desk: Vite is not installed (npm ci) and web/dist is missing; serving the API only\n'
          : 'sma-desk: web/ is newer than web/dist but Vite is not installed; serving the last build\n',
      )
    } else {
      process.stdout.write('sma-desk: building the web app…\n')
      const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], {
        cwd: root,
        stdio: 'inherit',
      })
      if (r.status !== 0) {
        process.stderr.write(
          'sma-desk: the web build failed; serving the API without the web app\n',
        )
      }
    }
  }
}

await ensureBuilt({ log: (m) => process.stdout.write(m) })
// Node 22.1 and later keep the server's compiled code between starts (Node 20 has no such cache).
module.enableCompileCache?.()
process.chdir(root)
const { runFromEnvironment } = await import(pathToFileURL(join(DIST, 'server/main.js')).href)
await runFromEnvironment()
