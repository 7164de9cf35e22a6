import type { Command } from '@commander-js/extra-typings'
import { agreementStatus, loadRecord, reportingCurrency, revisionId } from '../../domain/index.js'
import { printTable } from '../table.js'

/** `sma agreements [--json]`: every agreement with term, currency and status. */
export function registerAgreements(program: Command): void {
  program
    .command('agreements')
    .description('list every agreement with term, currency and status')
    .option('--json', 'machine-readable output')
    .option('--today <date>', 'status as of this ISO date (default: today)')
    .action((opts) => {
      const today = opts.today ?? new Date().toISOString().slice(0, 10)
      const rows = loadRecord().agreements.map((a) => ({
        id: a.id,
        title: a.title.en,
        hostNation: a.hostNation,
        firstYear: a.term.firstYear,
        lastYear: a.term.lastYear,
        yearKind: a.term.yearKind,
        currency: reportingCurrency(a),
        currencyKind: a.currency.kind,
        status: agreementStatus(a, today),
        revisionId: revisionId(a),
      }))
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ asOf: today, agreements: rows }, null, 2)}\n`)
        return
      }
      printTable(
        ['id', 'term', 'currency', 'status', 'title'],
        rows.map((r) => [
          r.id,
          `${r.firstYear}–${r.lastYear}${r.yearKind === 'jp-fiscal' ? ' (JFY)' : ''}`,
          r.currencyKind === 'mixed' ? `${r.currency} (mixed)` : r.currency,
          r.status,
          r.title,
        ]),
      )
    })
}
