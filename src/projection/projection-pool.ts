import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type { ChunkResult } from '../domain/projection/index.js'
import type { ChunkTask } from '../workers/projection.worker.js'

const WORKER_ENTRY = new URL('../workers/projection.worker.mjs', import.meta.url).href

/**
 * A pool of worker threads running projection chunks off the calling thread's event loop.
 * The server owns one for its lifetime; the CLI makes one per run. Results never depend on the
 * number of threads.
 */
export class ProjectionPool {
  readonly #pool: Piscina<ChunkTask, ChunkResult>
  readonly threads: number

  /** @param threads worker threads (default: available parallelism, at least 1). */
  constructor(threads = Math.max(1, availableParallelism())) {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError('threads must be a positive integer')
    }
    this.threads = threads
    this.#pool = new Piscina<ChunkTask, ChunkResult>({
      filename: WORKER_ENTRY,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 30_000,
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
