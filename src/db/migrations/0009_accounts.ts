import { sql, type Kysely } from 'kysely'
import type { Dialect } from '../database.js'

/**
 * Accounts (issue 14): sessions a user can list and end (a public id, the user agent and the
 * client address), TOTP multi-factor login (one authenticator per user, its recovery codes
 * stored hashed), and the tickets between a login's password step and its code step.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('public_id', 'text').execute()
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute()
  await db.schema.alterTable('sessions').addColumn('address', 'text').execute()
  // Sessions opened before this migration get a public id, so they can be listed and ended too.
  await sql`update sessions set public_id = id_hash where public_id is null`.execute(db)
  await db.schema
    .createIndex('sessions_public_id_idx')
    .ifNotExists()
    .on('sessions')
    .column('public_id')
    .execute()

  await db.schema
    .createTable('mfa_totp')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    // null until the user confirms enrollment with a first code
    .addColumn('confirmed_at', 'text')
    // the last time step a code was accepted for: a step at or before it is refused (replay)
    .addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('mfa_recovery_codes')
    .ifNotExists()
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('mfa_recovery_codes_pk', ['user_id', 'code_hash'])
    .execute()

  await db.schema
    .createTable('login_tickets')
    .ifNotExists()
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
