import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * One delegation's own instance (issue 17). An act of the other party is either recorded as
 * reported by us (`reported_json`: the source, the recorder is `created_by`) or received from the
 * other instance as a signed document (`received_id` → received_documents). A proposal names the
 * party whose proposal it is in `actor_party` when that is not the owning (recording) party;
 * rows stay owned by the recording delegation, so the isolation filter is unchanged. The
 * registered public keys of other instances are kept in instance_keys.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('proposals').addColumn('actor_party', 'text').execute()
  // the source of a rejection reported by us (the rejection itself: migration 0011's columns)
  await db.schema.alterTable('proposals').addColumn('rejection_reported_json', 'text').execute()
  for (const table of ['proposals', 'acceptances', 'negotiation_events', 'negotiation_rounds']) {
    await db.schema.alterTable(table).addColumn('reported_json', 'text').execute()
    await db.schema.alterTable(table).addColumn('received_id', 'text').execute()
  }
  await db.schema.alterTable('event_confirmations').addColumn('reported_json', 'text').execute()
  await db.schema
    .createTable('instance_keys')
    .ifNotExists()
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('party', 'text', (c) => c.notNull().check(sql.raw(`party in ('KR', 'US')`)))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('received_documents')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'text', (c) => c.notNull().references('negotiations.id'))
    .addColumn('owner_party', 'text', (c) =>
      c.notNull().check(sql.raw(`owner_party in ('KR', 'US')`)),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('signer_fingerprint', 'text', (c) =>
      c.notNull().references('instance_keys.fingerprint'),
    )
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull())
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('received_documents_digest_idx')
    .ifNotExists()
    .on('received_documents')
    .columns(['owner_party', 'document_sha256'])
    .unique()
    .execute()
}
