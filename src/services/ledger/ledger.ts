import { ledgerInRecord, type LedgerView } from '../../domain/ledger/ledger.js'
import type { RecordSnapshot } from '../../domain/record/record.js'
import { shippedLedgers } from '../../record/ledger-files.js'

/**
 * The execution ledger of an agreement of a record snapshot: the contribution from the
 * snapshot's schedule, the figures from the shipped ledger files (data/ledger). The server (from
 * the database record) and the CLI (from the shipped record, SMA_DB or a server) call this one
 * function, so `sma ledger --json` and `GET /api/agreements/{id}/ledger` are the same JSON.
 */
export function ledgerOf(snapshot: RecordSnapshot, agreementId: string): LedgerView {
  return ledgerInRecord(snapshot, agreementId, shippedLedgers())
}
