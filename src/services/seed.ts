import { readdirSync, readFileSync } from 'node:fs'
import { loadRecord } from '../record/shipped-record.js'
import { fastRevisionId } from '../record/fast-revision-id.js'
import type { DbOrTrx } from '../db/database.js'
import {
  insertAcceptance,
  insertDeadlines,
  insertDelegation,
  insertEvent,
  insertProposal,
  insertRound,
  type Placement,
} from '../db/repositories/negotiation-rows.js'
import { SYSTEM_ACTOR, withTransaction, type Store } from './audit.js'
import { negotiationSeedSchema, type NegotiationSeed } from './negotiation-seed.js'
import { putRevision } from './record/agreements.js'
import { appendIndexValue } from './record/index-values.js'
import { projectPath } from '../runtime-paths.js'
import type { Localized } from '../domain/text/localized.js'

const NEGOTIATIONS_DIR = projectPath('data', 'negotiations') + '/'

/** Reads and validates the shipped negotiation history (data/negotiations/*.json). */
export function loadNegotiationSeeds(dir: string = NEGOTIATIONS_DIR): NegotiationSeed[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const r = negotiationSeedSchema.safeParse(JSON.parse(readFileSync(dir + f, 'utf8')))
      if (!r.success) {
        const i = r.error.issues[0]
        throw new Error(`data/negotiations/${f}: ${i?.path.join('.') ?? ''}: ${i?.message ?? ''}`)
      }
      return r.data
    })
}

/**
 * Seeds an empty database with the shipped record (agreements as revisions, index series and
 * their releases) and the negotiation history, in one audited transaction. Does nothing if the
 * database already holds agreements. Returns whether it seeded.
 */
export async function seedIfEmpty(
  store: Store,
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const any = await store.db.selectFrom('agreements').select('id').limit(1).executeTakeFirst()
  if (any) return false
  const record = loadRecord()
  const seeds = loadNegotiationSeeds()
  await withTransaction({ store, actor: SYSTEM_ACTOR, now }, async (trx, audit) => {
    const at = now().toISOString()
    const revisions = new Map<string, string>()
    let pos = 0
    for (const spec of record.agreements) {
      const rid = await putRevision(trx, spec, at)
      revisions.set(spec.id, rid)
      await trx
        .insertInto('agreements')
        .values({
          id: spec.id,
          revision_id: rid,
          owner_party: 'PUBLIC',
          visibility: 'public',
          position: pos++,
          created_at: at,
          updated_at: at,
        })
        .execute()
    }
    for (const series of Object.values(record.indices)) {
      await trx
        .insertInto('index_series')
        .values({
          id: series.id,
          name_json: JSON.stringify(series.name),
          unit: series.unit,
          decimals: series.decimals,
          publisher: series.publisher,
        })
        .execute()
      for (const v of series.values) await appendIndexValue(trx, series.id, v, at, null)
    }
    for (const seed of seeds) await seedNegotiation(trx, seed, revisions, at)
    audit({
      action: 'record.seed',
      object: 'record',
      visibility: 'public',
      payload: {
        agreements: record.agreements.map((a) => fastRevisionId(a)),
        negotiations: seeds.map((s) => s.id),
      },
    })
  })
  return true
}

/** An event's note as stored: an inferred date says so, in both languages. */
export function seedNote(e: NegotiationSeed['events'][number]): Localized {
  return e.inferred === true ? { en: `${e.note.en} (inferred)`, ko: `${e.note.ko} (추정)` } : e.note
}

async function seedNegotiation(
  trx: DbOrTrx,
  seed: NegotiationSeed,
  revisions: ReadonlyMap<string, string>,
  at: string,
): Promise<void> {
  const p: Placement = { negotiationId: seed.id, owner: 'PUBLIC', visibility: seed.visibility, at }
  await trx
    .insertInto('negotiations')
    .values({
      id: seed.id,
      title_json: JSON.stringify(seed.title),
      replaces: seed.replaces,
      successor: seed.successor,
      owner_party: p.owner,
      visibility: p.visibility,
      sources_json: JSON.stringify(seed.sources),
      created_at: at,
    })
    .execute()
  await insertDeadlines(trx, p, seed.deadlines)
  for (const del of seed.delegations) await insertDelegation(trx, p, del)
  for (const r of seed.rounds) await insertRound(trx, p, { ...r, summary: r.summary ?? '' })
  for (const e of seed.events) await insertEvent(trx, p, { ...e, note: seedNote(e) })
  if (seed.outcome) {
    const rid = revisions.get(seed.outcome.agreement)
    if (rid === undefined)
      throw new Error(`${seed.id}: unknown agreement ${seed.outcome.agreement}`)
    const agreedOn = seed.outcome.agreedOn
    const { id } = await insertProposal(trx, p, {
      title: seed.outcome.title,
      revisionId: rid,
      revises: null,
      roundId: null,
      tabledAt: agreedOn,
      createdBy: 'system',
    })
    for (const party of ['KR', 'US'] as const) {
      await insertAcceptance(trx, seed.id, {
        party,
        proposalId: id,
        revisionId: rid,
        at: agreedOn,
        createdBy: 'system',
      })
    }
  }
}
