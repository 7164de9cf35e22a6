import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * Stored projection runs (issue 16): a run's request, engine, inputs digest, progress and result,
 * reachable by id. `owner_party`/`visibility` as every party-owned row: public runs (owner
 * PUBLIC) for public inputs; private to a delegation when a member supplied inputs of their own.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('projection_runs')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_party', 'text', (c) =>
      c.notNull().check(sql.raw(`owner_party in ('KR', 'US', 'PUBLIC')`)),
    )
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(sql.raw(`visibility in ('private', 'public')`)),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql.raw(`status in ('running', 'done', 'failed', 'cancelled', 'interrupted')`)),
    )
    .addColumn('request_json', 'text', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    .addColumn('inputs_digest', 'text', (c) => c.notNull())
    .addColumn('paths_total', 'integer', (c) => c.notNull())
    .addColumn('paths_done', 'integer', (c) => c.notNull())
    .addColumn('cancel_token_hash', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema
    .createIndex('projection_runs_status_idx')
    .ifNotExists()
    .on('projection_runs')
    .columns(['status'])
    .execute()
}
