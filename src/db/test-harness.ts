import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Dialect } from './database.js'
import { migrateToLatest } from './migrate.js'
import { openDatabase, type DatabaseHandle } from './open.js'

/**
 * Test databases for `*.db.test.ts`: every test file runs on SQLite (in memory) and, when
 * TEST_PG_URL is set (CI sets it), on PostgreSQL in a database of its own, created from the base
 * URL and dropped afterwards, so parallel Vitest workers never collide.
 */
export interface TestDialect {
  readonly name: Dialect
  /** Opens a fresh, migrated, empty database. */
  open(): Promise<DatabaseHandle>
}

const PG_URL = process.env.TEST_PG_URL

export function testDialects(): TestDialect[] {
  const list: TestDialect[] = [
    {
      name: 'sqlite',
      open: async () => {
        const h = openDatabase(':memory:')
        await migrateToLatest(h.db, 'sqlite')
        return h
      },
    },
  ]
  if (PG_URL === undefined || PG_URL === '') {
    console.warn('TEST_PG_URL is not set: PostgreSQL variants of the DB tests are SKIPPED')
    return list
  }
  list.push({ name: 'postgres', open: () => openFreshPostgres(PG_URL) })
  return list
}

/** A new, empty PostgreSQL database (not migrated) named after a random id, and how to drop it. */
export async function createPostgresDatabase(
  baseUrl: string,
): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}

async function openFreshPostgres(baseUrl: string): Promise<DatabaseHandle> {
  const fresh = await createPostgresDatabase(baseUrl)
  const h = openDatabase(fresh.url, { poolSize: 10 })
  await migrateToLatest(h.db, 'postgres')
  return {
    ...h,
    close: async () => {
      await h.close()
      await fresh.drop()
    },
  }
}
