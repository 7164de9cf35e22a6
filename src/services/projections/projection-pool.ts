import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import type { Piscina } from 'piscina'
import type { ChunkResult } from '../../domain/projection/index.js'
import { COMPILED, compiledEntry, projectPath } from '../../runtime-paths.js'
import type { ChunkTask } from '../../workers/projection.worker.js'

/**
 * The worker's module and how its threads start. Compiled (`npm start`, the `sma` bin): the
 * bundled worker, plain Node. From sources (tsx, Vitest): worker threads do not inherit the main
 * thread's tsx loader, so each starts with tsx's loader hooks (`--import tsx`, by absolute URL so
 * the CLI works from any directory) and loads the TypeScript task module.
 */
function workerModule(): { filename: string; execArgv: string[] } {
  if (COMPILED) {
    return {
      filename: pathToFileURL(compiledEntry('workers/projection.worker.js')).href,
      execArgv: [],
    }
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  return {
    filename: pathToFileURL(projectPath('src/workers/projection.worker.ts')).href,
    execArgv: ['--import', tsx],
  }
}

const load = createRequire(import.meta.url)

/**
 * A pool of worker threads running projection chunks off the calling thread's event loop.
 * The server owns one for its lifetime; the CLI makes one per run. Results never depend on the
 * number of threads.
 */
export class ProjectionPool {
  readonly #pool: Piscina<ChunkTask, ChunkResult>
  readonly threads: number

  /**
   * @param threads worker threads (default: available parallelism, at least 1).
   * @param opts.background the threads compute at a lower scheduling priority (nice +10 on Linux,
   *   per thread; piscina's `niceIncrement`): the server's pool, so its event loop answers first
   *   when the cores are busy (issue 14: `/api/health` p99 under 100 ms while four
   *   1,000,000-path runs compute). On an idle machine it costs nothing; the CLI leaves it off.
   */
  constructor(
    threads = Math.max(1, availableParallelism()),
    opts: { readonly background?: boolean } = {},
  ) {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError('threads must be a positive integer')
    }
    this.threads = threads
    // loaded with the first pool: runs on the calling thread never load it
    const { Piscina: Pool } = load('piscina') as typeof import('piscina')
    this.#pool = new Pool<ChunkTask, ChunkResult>({
      ...workerModule(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 30_000,
      niceIncrement: opts.background === true ? 10 : 0,
    })
  }

  /** Runs one chunk on a pool thread; an aborted signal rejects with an AbortError. */
  run(task: ChunkTask, signal?: AbortSignal): Promise<ChunkResult> {
    return this.#pool.run(task, signal ? { signal } : {})
  }

  /** Stops every thread; pending tasks are rejected. */
  async destroy(): Promise<void> {
    await this.#pool.destroy()
  }
}
