import { setMaxListeners } from 'node:events'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import {
  chunkPlan,
  effectivePaths,
  preparePlan,
  runChunk,
  summarise,
  type ChunkResult,
  type ProjectionInputs,
  type ProjectionRequest,
  type ProjectionResult,
} from '../../domain/projection/index.js'
import { ProjectionPool } from './projection-pool.js'

/** Below this many paths a run stays on the calling thread (a pool's start-up costs more). */
export const IN_THREAD_BELOW = 50_000

export interface RunProjectionOptions {
  /**
   * Worker threads: 0 runs on the calling thread (yielding to the event loop between chunks).
   * Ignored when `pool` is given. Default: the pool's size, or in-thread below IN_THREAD_BELOW.
   */
  readonly workers?: number
  /** A long-lived pool to use (the server's); otherwise a pool is made and destroyed per run. */
  readonly pool?: ProjectionPool
  /** Aborting rejects the run with the signal's reason (an AbortError by default). */
  readonly signal?: AbortSignal
  /** Called after each finished chunk with paths done and total. */
  readonly onProgress?: (pathsDone: number, pathsTotal: number) => void
  /**
   * With a pool: the calling thread takes chunks too, from the same queue as the workers (the
   * CLI, whose thread would otherwise wait; it also works while the workers start). Results are
   * the same whoever runs a chunk. The server leaves its event loop free instead.
   */
  readonly callerHelps?: boolean
}

/** Thrown when a run is cancelled through its AbortSignal. */
export class ProjectionCancelled extends Error {
  constructor() {
    super('projection cancelled')
    this.name = 'AbortError'
  }
}

/**
 * Runs a projection: compiles the plan, runs fixed-size chunks (each with its own random stream
 * from (seed, chunk index)) on worker threads or the calling thread, merges them in chunk order
 * and summarises. The same request gives the same JSON whatever the number of threads.
 */
export async function runProjection(
  req: ProjectionRequest,
  inputs: ProjectionInputs,
  options: RunProjectionOptions = {},
): Promise<ProjectionResult> {
  const { signal, onProgress } = options
  const plan = preparePlan(req, inputs)
  const paths = effectivePaths(plan, req.paths)
  const chunks = chunkPlan(paths)
  const results: ChunkResult[] = new Array<ChunkResult>(chunks.length)
  let done = 0
  const finished = (r: ChunkResult): void => {
    results[r.chunkIndex] = r
    done += r.paths
    onProgress?.(done, paths)
  }
  signal?.throwIfAborted()

  const workers =
    options.pool !== undefined
      ? options.pool.threads
      : (options.workers ?? (paths < IN_THREAD_BELOW ? 0 : undefined))
  if (options.pool === undefined && workers === 0) {
    for (const c of chunks) {
      if (signal?.aborted) throw new ProjectionCancelled()
      finished(runChunk(plan, req.seed, c.chunkIndex, c.paths))
      await yieldToLoop()
    }
  } else {
    const pool = options.pool ?? new ProjectionPool(workers)
    const inner = new AbortController()
    setMaxListeners(chunks.length + 10, inner.signal)
    const onAbort = (): void => {
      inner.abort()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    const task = (c: (typeof chunks)[number]) => ({
      plan,
      seed: req.seed,
      chunkIndex: c.chunkIndex,
      paths: c.paths,
    })
    try {
      if (options.callerHelps === true) {
        // one lane per worker and one on this thread, each taking the next chunk when free
        let next = 0
        const take = () => chunks[next++]
        const workerLane = async (): Promise<void> => {
          for (let c = take(); c !== undefined; c = take()) {
            finished(await pool.run(task(c), inner.signal))
          }
        }
        const callerLane = async (): Promise<void> => {
          for (let c = take(); c !== undefined; c = take()) {
            if (inner.signal.aborted) throw new ProjectionCancelled()
            finished(runChunk(plan, req.seed, c.chunkIndex, c.paths))
            await yieldToLoop()
          }
        }
        const lanes = Array.from({ length: pool.threads }, workerLane)
        await Promise.all([...lanes, callerLane()])
      } else {
        await Promise.all(chunks.map((c) => pool.run(task(c), inner.signal).then(finished)))
      }
    } catch (e) {
      inner.abort()
      if (signal?.aborted) throw new ProjectionCancelled()
      throw e
    } finally {
      signal?.removeEventListener('abort', onAbort)
      if (options.pool === undefined) await pool.destroy()
    }
  }
  return summarise(plan, req.scenario, inputs.indices, results, req.seed)
}
