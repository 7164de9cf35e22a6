import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * The initial schema, one definition for SQLite and PostgreSQL (no dialect branch needed: the
 * audit log's dense `seq` is assigned by the single audited writer, see src/services/audit.ts).
 */
// Migrations must not depend on the current table types, so they use Kysely<unknown>.
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const vis = (col: string): string => `${col} in ('private', 'shared', 'public')`
  const owner = (col: string): string => `${col} in ('KR', 'US', 'PUBLIC')`

  await db.schema
    .createTable('spec_revisions')
    .ifNotExists()
    .addColumn('revision_id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull())
    .addColumn('spec_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('agreements')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('revision_id', 'text', (c) => c.notNull().references('spec_revisions.revision_id'))
    .addColumn('owner_party', 'text', (c) => c.notNull().check(sql.raw(owner('owner_party'))))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('index_series')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_json', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('index_values')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull().references('index_series.id'))
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('vintage', 'text', (c) => c.notNull())
    .addColumn('released_on', 'text')
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('index_values_series_position', ['series_id', 'position'])
    .execute()

  await db.schema
    .createTable('users')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull().check(sql.raw(owner('party'))))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql.raw(`role in ('viewer', 'analyst', 'negotiator', 'admin')`)),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql.raw('disabled in (0, 1)')),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sessions')
    .ifNotExists()
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('api_tokens')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .execute()

  await db.schema
    .createTable('negotiations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('replaces', 'text')
    .addColumn('successor', 'text')
    .addColumn('owner_party', 'text', (c) => c.notNull().check(sql.raw(owner('owner_party'))))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('negotiation_deadlines')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('owner_party', 'text', (c) => c.notNull().check(sql.raw(owner('owner_party'))))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .execute()

  await db.schema
    .createTable('negotiation_rounds')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('date_from', 'text', (c) => c.notNull())
    .addColumn('date_to', 'text')
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('owner_party', 'text', (c) => c.notNull().check(sql.raw(owner('owner_party'))))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rounds_negotiation_number', ['negotiation_id', 'number'])
    .execute()

  await db.schema
    .createTable('delegations')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('party', 'text', (c) => c.notNull().check(sql.raw(`party in ('KR', 'US')`)))
    .addColumn('agencies_json', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('owner_party', 'text', (c) => c.notNull().check(sql.raw(owner('owner_party'))))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .execute()

  await db.schema
    .createTable('delegation_members')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delegation_id', 'text', (c) => c.notNull().references('delegations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('negotiation_events')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('party', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('owner_party', 'text', (c) => c.notNull().check(sql.raw(owner('owner_party'))))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('proposals')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_party', 'text', (c) => c.notNull().check(sql.raw(owner('owner_party'))))
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .addColumn('revision_id', 'text', (c) => c.notNull().references('spec_revisions.revision_id'))
    .addColumn('revises', 'text')
    .addColumn('round_id', 'text')
    .addColumn('tabled_at', 'text')
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('acceptances')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('party', 'text', (c) => c.notNull().check(sql.raw(`party in ('KR', 'US')`)))
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id'))
    .addColumn('revision_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('positions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('owner_party', 'text', (c) =>
      c.notNull().check(sql.raw(`owner_party in ('KR', 'US')`)),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reservation_value', 'text')
    .addColumn('target', 'text')
    .addColumn('priorities_json', 'text', (c) => c.notNull())
    .addColumn('estimate_of_other_json', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .ifNotExists()
    // seq is assigned by the writer under the audit lock (dense, no gaps), not by the database.
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql.raw(vis('visibility'))))
    .addColumn('payload_digest', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute()

  for (const [table, cols] of [
    ['index_values', ['series_id', 'period']],
    ['negotiation_rounds', ['negotiation_id']],
    ['negotiation_events', ['negotiation_id']],
    ['proposals', ['negotiation_id', 'owner_party']],
    ['positions', ['negotiation_id', 'owner_party']],
    ['acceptances', ['negotiation_id']],
    ['sessions', ['user_id']],
    ['api_tokens', ['user_id']],
  ] as const) {
    await db.schema
      .createIndex(`${table}_${cols.join('_')}_idx`)
      .ifNotExists()
      .on(table)
      .columns([...cols])
      .execute()
  }
}
