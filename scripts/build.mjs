#!/usr/bin/env node
// `npm run build:server` (part of `npm run build`): compiles the server, the CLI and the projection
// worker from TypeScript into dist/ with esbuild (one bundle per entry, shared chunks, the shipped
// record's JSON inlined). `ensureBuilt()` is what `npm start` and the `sma` bin call first: it
// rebuilds only when a source is newer than the last build, one process at a time.
// Decision record: docs/decisions/0005-production-runtime.md.
import {
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const DIST = join(ROOT, 'dist')
const STAMP = '.build.json'

/** Entry points: source → output (under the build folder). */
export const ENTRIES = {
  'cli/main': 'src/cli/main.ts',
  'server/main': 'src/server/main.ts',
  'workers/projection.worker': 'src/workers/projection.worker.ts',
}

/**
 * Packages left in node_modules instead of bundled: native addons, worker scripts and optional
 * native drivers. (@fastify/swagger-ui is bundled: src/server/openapi.ts names its asset folder.)
 */
export const EXTERNAL = [
  'better-sqlite3',
  '@node-rs/argon2',
  'piscina',
  'pg-native',
  'thread-stream',
  // pdfkit reads its font metrics, and the brief its Korean font, from their packages' files.
  'pdfkit',
  '@expo-google-fonts/noto-sans-kr',
]

const TEST_FILE = /(\.test\.tsx?|test-support\.ts|test-harness\.ts|test-fixtures\.ts)$/

/** Newest modification time (ms) of what a build reads: sources, the record's JSON, the config. */
export function newestInput(root = ROOT) {
  let newest = 0
  const walk = (dir, keep) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p, keep)
      else if (keep(e.name)) newest = Math.max(newest, statSync(p).mtimeMs)
    }
  }
  walk(join(root, 'src'), (n) => n.endsWith('.ts') && !TEST_FILE.test(n))
  walk(join(root, 'data'), (n) => n.endsWith('.json'))
  for (const f of ['package.json', 'scripts/build.mjs']) {
    newest = Math.max(newest, statSync(join(root, f)).mtimeMs)
  }
  return newest
}

/** Whether `outdir` holds a build at least as new as every input (false when it has none). */
export function isFresh(outdir = DIST, root = ROOT) {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(join(outdir, STAMP), 'utf8'))
  } catch {
    return false
  }
  if (!existsSync(join(root, 'src'))) return true // an installed build without sources
  return stamp.inputsAt >= newestInput(root)
}

/**
 * Compiles every entry into `outdir` (default dist/). `clean` empties it first; otherwise files
 * of earlier builds are kept for an hour (a running process may still load their chunks).
 */
export async function build({ outdir = DIST, clean = true, root = ROOT } = {}) {
  const { build: esbuild } = await import('esbuild')
  const inputsAt = newestInput(root)
  const started = Date.now()
  if (clean) rmSync(outdir, { recursive: true, force: true })
  mkdirSync(outdir, { recursive: true })
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ in: src, out })),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    // Bundled CommonJS packages call require() for Node built-ins: give them one.
    banner: {
      js: "import { createRequire as __smaCreateRequire } from 'node:module'; const require = __smaCreateRequire(import.meta.url);",
    },
  })
  const outputs = new Set(Object.keys(result.metafile.outputs).map((p) => join(root, p)))
  if (!clean) pruneOld(outdir, outputs)
  writeFileSync(
    join(outdir, STAMP),
    JSON.stringify({ inputsAt, builtAt: new Date().toISOString(), node: process.version }),
  )
  return { outdir, ms: Date.now() - started, files: outputs.size }
}

function pruneOld(dir, keep) {
  const hourAgo = Date.now() - 3_600_000
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) pruneOld(p, keep)
    else if (e.name !== STAMP && !keep.has(p) && statSync(p).mtimeMs < hourAgo) unlinkSync(p)
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Progress notes on a terminal only: scripts reading the CLI's stderr see nothing extra. */
const note = (m) => {
  if (process.stderr.isTTY) process.stderr.write(m)
}

/**
 * Builds dist/ when it is missing or older than its sources, then returns. One process builds at
 * a time (a lock file beside the stamp); the others wait for it and use its build.
 */
export async function ensureBuilt({ log = note } = {}) {
  if (isFresh()) return
  mkdirSync(DIST, { recursive: true })
  const lock = join(DIST, '.build.lock')
  for (let waited = 0; ; waited += 100) {
    try {
      closeSync(openSync(lock, 'wx'))
      break
    } catch (err) {
      if (err.code !== 'EEXIST') throw err
      // a builder died without removing its lock: take it over after two minutes
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 120_000) {
        rmSync(lock, { force: true })
        continue
      }
      await sleep(100)
      if (isFresh()) return
    }
  }
  try {
    if (isFresh()) return
    log('sma-desk: compiling the server and the CLI…\n')
    const r = await build({ clean: false })
    log(
      `sma-desk: compiled ${r.files} files into ${relative(process.cwd(), r.outdir) || '.'} in ${r.ms} ms\n`,
    )
  } finally {
    rmSync(lock, { force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await build()
  process.stdout.write(`compiled ${r.files} files into ${relative(ROOT, r.outdir)} in ${r.ms} ms\n`)
}
