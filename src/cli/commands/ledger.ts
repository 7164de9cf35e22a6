import type { Command } from '@commander-js/extra-typings'
import { formatMoney } from '../../domain/money/format.js'
import type { LedgerView } from '../../domain/ledger/ledger.js'
import { ledgerOf } from '../../services/ledger/ledger.js'
import { loadSnapshot, resolveAgreement, type RecordFlags } from '../record-source.js'
import { printTable } from '../table.js'

/**
 * The ledger from the record the flags name (shipped files, SMA_DB or --server): the record gives
 * the contribution of each year, the shipped ledger files the figures, and the one domain
 * function builds the JSON the API serves.
 */
export async function computeLedger(id: string, flags: RecordFlags): Promise<LedgerView> {
  const record = await loadSnapshot(flags)
  const spec = resolveAgreement(record, id)
  return ledgerOf(record, spec.id)
}

const m = (v: string | null): string => (v === null ? '—' : formatMoney(v, 'KRW'))

/** `sma ledger <id> [--json]`: allocation by category, execution, carry-over, checks. */
export function registerLedger(program: Command): void {
  program
    .command('ledger')
    .description('execution ledger of an agreement: allocation, execution, carry-over, sources')
    .argument('<agreement>', 'agreement id, e.g. rok-us-sma-11')
    .option('--json', 'machine-readable output (the same JSON as GET /api/agreements/{id}/ledger)')
    .option('--server <url>', 'read the record from this SMA Desk server')
    .action(async (id, opts) => {
      const ledger = await computeLedger(id, opts)
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(ledger, null, 2)}\n`)
        return
      }
      printTable(
        [
          'year',
          'contribution',
          'labor',
          'construction',
          'logistics',
          'executed',
          'in',
          'out',
          'lapsed',
        ],
        ledger.years.map((y) => [
          String(y.year),
          m(y.contribution),
          m(y.allocated.labor),
          m(y.allocated.construction),
          m(y.allocated.logistics),
          m(y.executed),
          m(y.carriedOverIn),
          m(y.carriedOverOut),
          m(y.lapsed),
        ]),
        [false, true, true, true, true, true, true, true, true],
      )
      for (const y of ledger.years)
        for (const c of y.checks)
          if (c.status === 'gap') process.stdout.write(`gap  ${c.message.en}\n`)
      const { categoriesComplete: cc, executionAndCarryOver: ex } = ledger.coverage
      process.stdout.write(
        `categories complete and adding up: ${cc.length === 0 ? 'none' : cc.join(', ')}; execution and carry-over known: ${ex.length === 0 ? 'none' : ex.join(', ')}\n`,
      )
    })
}
