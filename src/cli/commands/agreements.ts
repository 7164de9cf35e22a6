import type { Command } from '@commander-js/extra-typings'
import { isIsoDate } from '../../domain/calendar/civil-date.js'
import { agreementList } from '../../contracts/agreements.js'
import { CliError } from '../cli-error.js'
import { loadSnapshot } from '../record-source.js'
import { printTable } from '../table.js'

/** `sma agreements [--as-of DATE] [--server URL] [--json]`: every agreement with term, currency and status. */
export function registerAgreements(program: Command): void {
  program
    .command('agreements')
    .description('list every agreement with term, currency and status')
    .option('--json', 'machine-readable output (the same JSON as GET /api/agreements)')
    .option('--as-of <date>', 'status as of this ISO date (default: today)')
    .option('--today <date>', 'the same as --as-of (kept for scripts)')
    .option('--server <url>', 'read the record from this SMA Desk server')
    .action(async (opts) => {
      const asOf = opts.asOf ?? opts.today ?? new Date().toISOString().slice(0, 10)
      if (!isIsoDate(asOf))
        throw new CliError(
          `malformed date "${asOf}": expected YYYY-MM-DD`,
          `날짜 "${asOf}"의 형식이 올바르지 않습니다. "YYYY-MM-DD" 형식으로 쓰십시오.`,
        )
      const list = agreementList(await loadSnapshot(opts), asOf)
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
        return
      }
      printTable(
        ['id', 'term', 'currency', 'status', 'title'],
        list.agreements.map((a) => [
          a.id,
          `${a.term.firstYear}–${a.term.lastYear}${a.term.yearKind === 'jp-fiscal' ? ' (JFY)' : ''}`,
          a.currency,
          a.status,
          a.title.en,
        ]),
      )
      process.stdout.write(`status as of ${asOf}\n`)
    })
}
