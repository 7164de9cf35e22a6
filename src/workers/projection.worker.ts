import { runChunk, type ChunkResult } from '../domain/projection/kernel.js'
import type { ProjectionPlan } from '../domain/projection/plan.js'

/** One unit of work for a pool thread: one fixed-size chunk of paths. */
export interface ChunkTask {
  readonly plan: ProjectionPlan
  readonly seed: number
  readonly chunkIndex: number
  readonly paths: number
}

/**
 * Piscina entry (workers start with `--import tsx`, see projection-pool.ts): runs one
 * chunk with the pure kernel. The chunk's random stream depends only on (seed, chunkIndex).
 */
export default function runChunkTask(task: ChunkTask): ChunkResult {
  return runChunk(task.plan, task.seed, task.chunkIndex, task.paths)
}
