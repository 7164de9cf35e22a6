import SqliteDatabase from 'better-sqlite3'
import {
  type CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as KyselySqlite,
  type SqliteStatement,
} from 'kysely'
import type { Database, Db, Dialect } from './database.js'

/** An open database and how to close it. */
export interface DatabaseHandle {
  readonly db: Db
  readonly dialect: Dialect
  /** For messages: the file path, or the PostgreSQL URL without its password. */
  readonly label: string
  /**
   * SQLite files only: runs a small compiled read on a read-only connection of its own,
   * synchronously. It sees committed data only (never a transaction still open on the main
   * connection) and does not queue behind Kysely's connection lock; the record's version and the
   * health probe, read for every public request, cost about 3 µs this way against 9 µs through
   * Kysely. Absent for PostgreSQL and for in-memory databases (a second connection would open
   * another, empty database).
   */
  readonly readCommitted?: <R>(query: CompiledQuery<R>) => R[]
  close(): Promise<void>
}

export interface OpenOptions {
  /** SQLite `synchronous` pragma; FULL (default) syncs the WAL on every commit. */
  readonly sqliteSynchronous?: 'FULL' | 'NORMAL'
  /** PostgreSQL pool size. */
  readonly poolSize?: number
}

/** True when the location names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location)
}

/**
 * Opens SQLite (a file path or `:memory:`) or PostgreSQL (a `postgres://` URL). SQLite runs in WAL
 * mode with foreign keys on, `synchronous=FULL` unless told otherwise, and a busy timeout, so
 * a second process waits instead of failing.
 */
export function openDatabase(location: string, opts: OpenOptions = {}): DatabaseHandle {
  if (isPostgresUrl(location)) {
    // The driver is loaded with the first query, so a SQLite server or CLI run never loads it.
    const pool = async () => {
      const { default: pg } = await import('pg')
      // int8 (count(*)) stays a string; repositories wrap counts in Number().
      const p = new pg.Pool({ connectionString: location, max: opts.poolSize ?? 10 })
      // An idle client can be terminated by the server (restart, failover, DROP … WITH (FORCE)).
      // pg emits that on the pool; without a listener it would crash the process. The pool drops
      // the broken client and the next query opens a new connection, so nothing else is needed.
      p.on('error', () => undefined)
      // A client checked out of the pool (inside a transaction, between two of its queries) gets
      // the same error on itself when the server dies (kill -9, crash recovery: 57P01). Unheard,
      // it ended the whole process; heard, the transaction's next query fails (an error answer,
      // never a 201) and the pool drops the client on release (src/server/pg-crash.test.ts).
      p.on('connect', (client) => {
        client.on('error', () => undefined)
      })
      return p
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return {
      db,
      dialect: 'postgres',
      label: location.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
      close: () => db.destroy(),
    }
  }
  const file = new SqliteDatabase(location)
  file.pragma('journal_mode = WAL')
  file.pragma('foreign_keys = ON')
  file.pragma(`synchronous = ${opts.sqliteSynchronous ?? 'FULL'}`)
  file.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(file) }),
  })
  if (file.memory) return { db, dialect: 'sqlite', label: location, close: () => db.destroy() }
  const reader = committedReader(location)
  return {
    db,
    dialect: 'sqlite',
    label: location,
    readCommitted: reader.read,
    close: async () => {
      reader.close()
      await db.destroy()
    },
  }
}

/**
 * A read-only connection to a SQLite file, opened on first use, with its prepared statements
 * kept by SQL text. In WAL mode a reader never waits for the writer, and each statement runs in
 * a read transaction of its own, so it sees every commit made before it, by any process.
 */
function committedReader(location: string): {
  read: <R>(query: CompiledQuery<R>) => R[]
  close: () => void
} {
  let file: SqliteDatabase.Database | undefined
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    read: <R>(query: CompiledQuery<R>): R[] => {
      if (file === undefined) {
        file = new SqliteDatabase(location, { readonly: true, fileMustExist: true })
        file.pragma('busy_timeout = 5000')
      }
      let stmt = statements.get(query.sql)
      if (stmt === undefined) {
        if (statements.size >= STATEMENT_CACHE) statements.clear()
        stmt = file.prepare(query.sql)
        statements.set(query.sql, stmt)
      }
      return stmt.all(...query.parameters) as R[]
    },
    close: () => {
      file?.close()
      file = undefined
    },
  }
}

/** Distinct SQL texts whose prepared statements are kept per SQLite connection. */
const STATEMENT_CACHE = 500

/**
 * The SQLite connection as Kysely sees it, with prepared statements reused by SQL text: Kysely
 * prepares every query anew, which costs more than running a small one (a health check or the
 * record's version). A statement still being iterated is never handed out twice.
 */
function withStatementCache(file: SqliteDatabase.Database): KyselySqlite {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => {
      file.close()
    },
    prepare: (sql: string): SqliteStatement => {
      const known = statements.get(sql)
      if (known !== undefined && !known.busy) return known
      const stmt = file.prepare(sql)
      if (known === undefined) {
        if (statements.size >= STATEMENT_CACHE) statements.clear()
        statements.set(sql, stmt)
      }
      return stmt
    },
  }
}
