import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { AccessScope } from '../../domain/access/scope.js'
import { revisionId } from '../../domain/agreement/revision-id.js'
import { canonicalJson } from '../../domain/audit/canonical-json.js'
import { DomainError, notFound } from '../../domain/errors.js'
import {
  DEFAULT_SCENARIO,
  effectivePaths,
  PROJECTION_ENGINE_VERSION,
  preparePlan,
  type ProjectionRequest as DomainRequest,
  type Scenario,
} from '../../domain/projection/index.js'
import { evaluationContext, type RecordSnapshot } from '../../domain/record/record.js'
import type {
  ProjectionRequest,
  ProjectionRunCreated,
  ProjectionRunView,
} from '../../contracts/projections.js'
import type { Db, ProjectionRunsTable } from '../../db/database.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import type { RunQueue } from '../heavy-work/run-queue.js'
import type { ProjectionPool } from './projection-pool.js'
import {
  projectionRangeError,
  resolveRequest,
  resolveScenario,
  type ProposalSpecs,
} from './request.js'
import { IN_THREAD_BELOW, runProjection } from './run-projection.js'

/** Who starts a run: their data scope and user id (null for an anonymous visitor). */
export interface RunStarter {
  readonly scope: AccessScope
  readonly userId: string | null
}

/** Progress is written to the row at most this often (and once at the end). */
const PROGRESS_EVERY_MS = 200

/** A finished run's status in Korean, for the refusal to cancel it. */
const RUN_STATUS_KO: Partial<Record<ProjectionRunsTable['status'], string>> = {
  done: '완료된',
  failed: '실패한',
  cancelled: '취소된',
  interrupted: '중단된',
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * Whether a request uses inputs that are not the public record's: a spec or scenario object
 * sent in the body, or an agreement id only the asker's party can see.
 */
function usesPrivateInputs(body: ProjectionRequest, publicIds: ReadonlySet<string>): boolean {
  if (body.spec !== undefined || body.proposal !== undefined || typeof body.scenario === 'object')
    return true
  const ids = [body.agreement, ...body.compare.filter((c) => typeof c === 'string')]
  if (ids.some((id) => id !== undefined && !publicIds.has(id))) return true
  // a spec object or a proposal reference
  return body.compare.some((c) => typeof c === 'object' && !('variant' in c))
}

function viewOf(row: ProjectionRunsTable, queuePosition: number | null): ProjectionRunView {
  return {
    id: row.id,
    status: row.status,
    visibility: row.visibility,
    ownerParty: row.owner_party,
    request: JSON.parse(row.request_json) as ProjectionRequest,
    engine: row.engine,
    inputsDigest: row.inputs_digest,
    pathsDone: row.paths_done,
    pathsTotal: row.paths_total,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: row.error,
    queuePosition,
    result:
      row.result_json === null
        ? null
        : (JSON.parse(row.result_json) as ProjectionRunView['result']),
  }
}

/**
 * Stored projection runs (docs/projections.md, decision 0006): a run is inserted as `running`,
 * computed in the background on the calling process (worker pool for big runs, which wait their
 * turn in the server's RunQueue: `queuePosition` says how many are ahead), its progress
 * written to the row, and its result stored when done. Reads go through the visibility filter
 * (a hidden run is the same 404 as a missing one); only the holder of the start's cancel token
 * can cancel. One server process per database: on start-up, rows left `running` by a stopped
 * process become `interrupted`.
 */
export class ProjectionRuns {
  readonly #db: Db
  readonly #now: () => Date
  readonly #pool: () => ProjectionPool
  readonly #queue: RunQueue
  readonly #live = new Map<string, { ac: AbortController; settled: Promise<void> }>()

  constructor(deps: { db: Db; now: () => Date; pool: () => ProjectionPool; queue: RunQueue }) {
    this.#db = deps.db
    this.#now = deps.now
    this.#pool = deps.pool
    this.#queue = deps.queue
  }

  /** Runs ahead of a run in this server's queue; null when it computes, ended, or runs elsewhere. */
  #position(row: ProjectionRunsTable): number | null {
    return row.status === 'running' ? this.#queue.position(row.id) : null
  }

  /**
   * Validates and resolves a request against the asker's record, stores the run and starts it.
   * Bad input fails here (404 unknown agreement, 400/422 as for POST /api/projections).
   * `proposals`: the specs of the proposals the request names, read with the starter's scope
   * (`readProposalSpecs`).
   */
  async start(
    who: RunStarter,
    snapshot: RecordSnapshot,
    body: ProjectionRequest,
    proposals: ProposalSpecs = new Map(),
  ): Promise<ProjectionRunCreated> {
    const request: ProjectionRequest = { ...body, scenario: body.scenario ?? DEFAULT_SCENARIO }
    const { specs } = resolveRequest(snapshot, request, proposals)
    const scenario: Scenario = resolveScenario(request.scenario)
    const req: DomainRequest = { specs, scenario, paths: request.paths, seed: request.seed }
    const inputs = evaluationContext(snapshot)
    let total: number
    try {
      total = effectivePaths(preparePlan(req, inputs), req.paths)
    } catch (e) {
      if (e instanceof RangeError) throw projectionRangeError(e)
      throw e
    }
    const publicIds = new Set(
      (
        await this.#db
          .selectFrom('agreements')
          .select('id')
          .where('visibility', '=', 'public')
          .execute()
      ).map((r) => r.id),
    )
    const owner =
      who.scope.kind === 'delegation' && usesPrivateInputs(request, publicIds)
        ? who.scope.party
        : null
    const token = randomBytes(24).toString('base64url')
    const at = this.#now().toISOString()
    const row: ProjectionRunsTable = {
      id: randomUUID(),
      owner_party: owner ?? 'PUBLIC',
      visibility: owner === null ? 'public' : 'private',
      status: 'running',
      request_json: JSON.stringify(request),
      engine: PROJECTION_ENGINE_VERSION,
      inputs_digest: sha256(
        canonicalJson({
          agreements: specs.map(revisionId),
          scenario,
          indices: snapshot.indices,
        }),
      ),
      paths_total: total,
      paths_done: 0,
      cancel_token_hash: sha256(token),
      result_json: null,
      error: null,
      created_by: who.userId,
      created_at: at,
      updated_at: at,
      finished_at: null,
    }
    await this.#db.insertInto('projection_runs').values(row).execute()
    this.#launch(row.id, req, inputs, total)
    return { run: viewOf(row, this.#position(row)), cancelToken: token }
  }

  #launch(
    id: string,
    req: DomainRequest,
    inputs: ReturnType<typeof evaluationContext>,
    total: number,
  ): void {
    const ac = new AbortController()
    let lastWrite = 0
    let writes: Promise<unknown> = Promise.resolve()
    // Every write applies only while the row is still `running`: another server on the same
    // database may have cancelled the run (its cancel finds no live run there and marks the row),
    // and that must not be overwritten by this server's progress or result. Resolves to whether
    // the row was still running.
    const update = (set: Partial<ProjectionRunsTable>): Promise<boolean> => {
      const write = writes.then(async () => {
        const r = await this.#db
          .updateTable('projection_runs')
          .set({ ...set, updated_at: this.#now().toISOString() })
          .where('id', '=', id)
          .where('status', '=', 'running')
          .executeTakeFirst()
        return r.numUpdatedRows > 0n
      })
      writes = write.catch(() => undefined)
      return write
    }
    const onProgress = (done: number): void => {
      const t = Date.now()
      if (done < total && t - lastWrite < PROGRESS_EVERY_MS) return
      lastWrite = t
      update({ paths_done: done }).then(
        (running) => {
          // cancelled through another server: stop computing here too
          if (!running) ac.abort()
        },
        () => undefined,
      )
    }
    const big = total >= IN_THREAD_BELOW
    const settled = (async () => {
      try {
        // big runs take a slot of the server's limit (waiting in its queue); small ones run on
        // this thread at once, yielding between chunks
        const result = big
          ? await this.#queue.run(
              id,
              () =>
                runProjection(req, inputs, { pool: this.#pool(), signal: ac.signal, onProgress }),
              { signal: ac.signal },
            )
          : await runProjection(req, inputs, { workers: 0, signal: ac.signal, onProgress })
        await update({
          status: 'done',
          paths_done: total,
          result_json: JSON.stringify(result),
          finished_at: this.#now().toISOString(),
        })
      } catch (e) {
        const aborted = e instanceof Error && e.name === 'AbortError'
        const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)
        await update({
          status: aborted ? 'cancelled' : 'failed',
          error: aborted ? null : message,
          finished_at: this.#now().toISOString(),
        }).catch(() => undefined)
      } finally {
        this.#live.delete(id)
      }
    })()
    this.#live.set(id, { ac, settled })
  }

  /** A run the scope may see, or `not-found` (the same for a hidden run and a missing one). */
  async get(scope: AccessScope, id: string): Promise<ProjectionRunView> {
    const row = await this.#db
      .selectFrom('projection_runs')
      .selectAll()
      .where('id', '=', id)
      .where(visibleTo(scope, 'projection_runs'))
      .executeTakeFirst()
    if (!row) throw notFound()
    return viewOf(row, this.#position(row))
  }

  /** Cancels a running run the scope may see, given the token its start returned. */
  async cancel(scope: AccessScope, id: string, token: string): Promise<ProjectionRunView> {
    const row = await this.#db
      .selectFrom('projection_runs')
      .select(['status', 'cancel_token_hash'])
      .where('id', '=', id)
      .where(visibleTo(scope, 'projection_runs'))
      .executeTakeFirst()
    if (!row) throw notFound()
    const given = Buffer.from(sha256(token), 'hex')
    const stored = Buffer.from(row.cancel_token_hash, 'hex')
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) {
      throw new DomainError('forbidden', 'Only who started the run can cancel it.', {
        ko: '예측 실행은 시작한 사용자만 취소할 수 있습니다.',
      })
    }
    if (row.status !== 'running') {
      throw new DomainError('conflict', `The run is ${row.status}, not running.`, {
        ko: `이미 ${RUN_STATUS_KO[row.status] ?? '종료된'} 예측 실행이므로 취소할 수 없습니다.`,
      })
    }
    const live = this.#live.get(id)
    if (live) {
      live.ac.abort()
      await live.settled
    } else {
      // a run another server on this database computes: marked here, that server stops it at
      // its next progress write and keeps the mark (see #launch)
      await this.#db
        .updateTable('projection_runs')
        .set({ status: 'cancelled', finished_at: this.#now().toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .execute()
    }
    return this.get(scope, id)
  }

  /** Resolves when a run started here has finished (at once for others). */
  async settled(id: string): Promise<void> {
    await this.#live.get(id)?.settled
  }

  /**
   * Marks rows a stopped process left `running` as `interrupted`; returns how many. On a
   * database shared by several servers this also marks the runs the others are computing (no
   * row says which server runs it or whether that server is alive); they stop at their next
   * progress write and stay `interrupted`, consistently, and the user runs them again.
   */
  async recoverInterrupted(): Promise<number> {
    const r = await this.#db
      .updateTable('projection_runs')
      .set({ status: 'interrupted', updated_at: this.#now().toISOString() })
      .where('status', '=', 'running')
      .executeTakeFirst()
    return Number(r.numUpdatedRows)
  }

  /** Cancels every live run and waits for them (the app is closing). */
  async close(): Promise<void> {
    const live = [...this.#live.values()]
    for (const l of live) l.ac.abort()
    await Promise.all(live.map((l) => l.settled))
  }
}
