// Child processes for the whole-process benchmarks: servers started as a user starts them, timed
// from spawn, on 127.0.0.1 only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..')

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2
}

/** Seconds a command takes as a whole process (spawn to exit); throws on a non-zero exit. */
export function wallSeconds(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): number {
  const t0 = performance.now()
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'ignore' })
  const s = (performance.now() - t0) / 1000
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${String(r.status)}`)
  return s
}

export interface ServerProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Seconds from spawn to the line announcing the URL. */
  readonly listeningAfter: number
  stop(): Promise<void>
}

/**
 * Spawns a server that prints `listening on http://…` on stdout (ours, or the bare baseline) and
 * resolves once it does. Its other output is discarded.
 */
export function startProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ServerProcess> {
  const t0 = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\/\/[\w.:[\]]+)/.exec(out)
      if (m?.[1] === undefined) return
      out = ''
      const url = m[1]
      resolve({
        url,
        child,
        listeningAfter: (performance.now() - t0) / 1000,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) done()
            else {
              child.once('exit', () => {
                done()
              })
              child.kill('SIGTERM')
            }
          }),
      })
    })
    child.once('exit', (code) => {
      reject(new Error(`${args.join(' ')} exited with ${String(code)}: ${err.slice(0, 500)}`))
    })
  })
}

/** Status of one GET (plain node:http, so the first request pays for no client set-up). */
export function getStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', () => {
      resolve(0)
    })
    req.end()
  })
}

/**
 * A bare Fastify server from the project's own node_modules, no plugins: `GET /` answers a
 * constant JSON object (the baseline); `GET /body` answers the bytes of the file named
 * by SMA_BENCH_BODY as JSON (to tell the cost of sending a body from the cost of the app).
 */
export const BARE_FASTIFY = [
  '--input-type=module',
  '-e',
  "import Fastify from 'fastify'\n" +
    "import { readFileSync } from 'node:fs'\n" +
    "const body = process.env.SMA_BENCH_BODY ? readFileSync(process.env.SMA_BENCH_BODY) : Buffer.from('{}')\n" +
    "const app = Fastify()\napp.get('/', () => ({ hello: 'world' }))\n" +
    "app.get('/body', (_req, reply) => reply.type('application/json; charset=utf-8').send(body))\n" +
    "await app.listen({ host: '127.0.0.1', port: 0 })\n" +
    'process.stdout.write(`listening on http://127.0.0.1:${app.server.address().port}\\n`)\n' +
    "process.on('SIGTERM', () => app.close().then(() => process.exit(0)))\n",
]
