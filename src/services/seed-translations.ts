import type { DbOrTrx } from '../db/database.js'
import type { Localized } from '../domain/text/localized.js'
import { SYSTEM_ACTOR, withTransaction, type Store } from './audit.js'
import type { NegotiationSeed } from './negotiation-seed.js'
import { loadNegotiationSeeds, seedNote } from './seed.js'

/** The migration that added the Korean columns: a database that just ran it gets the Korean. */
export const BILINGUAL_MIGRATION = '0021_bilingual_record_text'

/**
 * Gives a database seeded before migration 0021 the Korean of its shipped history (decision
 * 0019): each public row of a seeded negotiation whose English is still the seed's English and
 * whose Korean is missing gets the seed's Korean. A row whose text differs (corrected since, or
 * not from the seed) is left as it is, and so is every delegation's own row. One audited
 * transaction; returns the number of texts filled (0 on a database seeded with the Korean, and
 * nothing written on one holding no shipped history).
 */
export async function translateSeededHistory(
  store: Store,
  now: () => Date = () => new Date(),
  seeds: readonly NegotiationSeed[] = loadNegotiationSeeds(),
): Promise<number> {
  const seeded = await store.db
    .selectFrom('negotiations')
    .select('id')
    .where('owner_party', '=', 'PUBLIC')
    .limit(1)
    .executeTakeFirst()
  if (!seeded) return 0
  return withTransaction({ store, actor: SYSTEM_ACTOR, now }, async (trx, audit) => {
    let filled = 0
    for (const seed of seeds) filled += await translateOne(trx, seed)
    audit({
      action: 'record.translate',
      object: 'record',
      visibility: 'public',
      payload: { negotiations: seeds.map((s) => s.id), filled },
    })
    return filled
  })
}

async function translateOne(trx: DbOrTrx, seed: NegotiationSeed): Promise<number> {
  const id = seed.id
  let n = 0
  const count = (r: { numUpdatedRows: bigint }[]) => {
    n += r.reduce((sum, x) => sum + Number(x.numUpdatedRows), 0)
  }
  for (const d of seed.deadlines) {
    count(
      await trx
        .updateTable('negotiation_deadlines')
        .set({ label_ko: d.label.ko })
        .where('negotiation_id', '=', id)
        .where('owner_party', '=', 'PUBLIC')
        .where('kind', '=', d.kind)
        .where('date', '=', d.date)
        .where('label', '=', d.label.en)
        .where('label_ko', 'is', null)
        .execute(),
    )
  }
  for (const r of seed.rounds) {
    const round = trx
      .updateTable('negotiation_rounds')
      .where('negotiation_id', '=', id)
      .where('owner_party', '=', 'PUBLIC')
      .where('number', '=', r.number)
    count(
      await round
        .set({ venue_ko: r.venue.ko })
        .where('venue', '=', r.venue.en)
        .where('venue_ko', 'is', null)
        .execute(),
    )
    if (r.summary !== null)
      count(
        await round
          .set({ summary_ko: r.summary.ko })
          .where('summary', '=', r.summary.en)
          .where('summary_ko', 'is', null)
          .execute(),
      )
  }
  for (const e of seed.events) {
    const note: Localized = seedNote(e)
    count(
      await trx
        .updateTable('negotiation_events')
        .set({ note_ko: note.ko })
        .where('negotiation_id', '=', id)
        .where('owner_party', '=', 'PUBLIC')
        .where('kind', '=', e.kind)
        .where('date', '=', e.date)
        .where('note', '=', note.en)
        .where('note_ko', 'is', null)
        .execute(),
    )
  }
  for (const del of seed.delegations) {
    const ids = trx
      .selectFrom('delegations')
      .select('id')
      .where('negotiation_id', '=', id)
      .where('owner_party', '=', 'PUBLIC')
      .where('party', '=', del.party)
    for (const m of del.members) {
      const member = trx.updateTable('delegation_members').where('delegation_id', 'in', ids)
      count(
        await member
          .set({ name_ko: m.name.ko })
          .where('name', '=', m.name.en)
          .where('name_ko', 'is', null)
          .execute(),
      )
      if (m.title !== null)
        count(
          await member
            .set({ title_ko: m.title.ko })
            .where('title', '=', m.title.en)
            .where('title_ko', 'is', null)
            .execute(),
        )
    }
  }
  if (seed.outcome)
    count(
      await trx
        .updateTable('proposals')
        .set({ title_ko: seed.outcome.title.ko })
        .where('negotiation_id', '=', id)
        .where('owner_party', '=', 'PUBLIC')
        .where('title', '=', seed.outcome.title.en)
        .where('title_ko', 'is', null)
        .execute(),
    )
  return n
}
