import type { AccessScope } from '../domain/access/scope.js'
import type { DbOrTrx } from '../db/database.js'
import type { Actor, Store } from './audit.js'
import type { SpecCache } from './record/spec-cache.js'

/**
 * What a use case needs, passed as one value instead of four parameters: a read needs the
 * database (or the open transaction), the asker's scope and the parsed-spec cache; a write needs
 * the store (to open an audited transaction), who acts, their scope and the clock.
 */
export interface Reader {
  readonly db: DbOrTrx
  readonly scope: AccessScope
  readonly cache: SpecCache
}

/** What a read that needs no spec cache uses: the database and the asker's scope. */
export type Sight = Pick<Reader, 'db' | 'scope'>

export interface Writer {
  readonly store: Store
  readonly actor: Actor
  readonly scope: AccessScope
  readonly cache: SpecCache
  readonly now: () => Date
}

/** The reader a write uses inside its transaction. */
export function readerIn(trx: DbOrTrx, w: Writer): Reader {
  return { db: trx, scope: w.scope, cache: w.cache }
}
