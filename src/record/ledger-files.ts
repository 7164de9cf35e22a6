// The execution ledger as shipped: one JSON file per agreement under data/ledger (add a line when adding one).
import l08 from '../../data/ledger/rok-us-sma-08.json' with { type: 'json' }
import l09 from '../../data/ledger/rok-us-sma-09.json' with { type: 'json' }
import l10 from '../../data/ledger/rok-us-sma-10.json' with { type: 'json' }
import l11 from '../../data/ledger/rok-us-sma-11.json' with { type: 'json' }
import l12 from '../../data/ledger/rok-us-sma-12.json' with { type: 'json' }
import { ledgerFileSchema, type LedgerFile } from '../domain/ledger/schema.js'

const raw: readonly unknown[] = [l08, l09, l10, l11, l12]

let parsed: readonly LedgerFile[] | undefined

/**
 * The shipped ledger files, validated once per process. Throws naming the file and the path if a
 * file breaks the schema (the data is checked on every load, not trusted).
 */
export function shippedLedgers(): readonly LedgerFile[] {
  if (parsed === undefined) {
    parsed = raw.map((r) => {
      const res = ledgerFileSchema.safeParse(r)
      if (!res.success) {
        const issue = res.error.issues[0]
        const id = String((r as { agreement?: unknown }).agreement)
        throw new Error(`data/ledger/${id}.json: ${issue?.path.join('.')}: ${issue?.message}`)
      }
      return res.data
    })
  }
  return parsed
}
