import type { Kysely } from 'kysely'
import type { Dialect } from '../database.js'
import * as m0001 from './0001_init.js'
import * as m0002 from './0002_acceptance_order.js'
import * as m0003 from './0003_analyses.js'
import * as m0004 from './0004_projection_runs.js'
import * as m0005 from './0005_record_version.js'
import * as m0006 from './0006_ledger_notes.js'
import * as m0007 from './0007_authored_acts.js'
import * as m0008 from './0008_audit_chains.js'
import * as m0009 from './0009_accounts.js'
import * as m0010 from './0010_reported_and_received.js'
import * as m0011 from './0011_proposal_states.js'
import * as m0021 from './0021_bilingual_record_text.js'

/** Every migration, in order. A static list (no directory scan) so bundling and tests agree. */
export const migrations: readonly {
  readonly name: string
  readonly up: (db: Kysely<unknown>, dialect: Dialect) => Promise<void>
}[] = [
  { name: '0001_init', up: m0001.up },
  { name: '0002_acceptance_order', up: m0002.up },
  { name: '0003_analyses', up: m0003.up },
  { name: '0004_projection_runs', up: m0004.up },
  { name: '0005_record_version', up: m0005.up },
  { name: '0006_ledger_notes', up: m0006.up },
  { name: '0007_authored_acts', up: m0007.up },
  { name: '0008_audit_chains', up: m0008.up },
  { name: '0009_accounts', up: m0009.up },
  { name: '0010_reported_and_received', up: m0010.up },
  { name: '0011_proposal_states', up: m0011.up },
  { name: '0021_bilingual_record_text', up: m0021.up },
]
