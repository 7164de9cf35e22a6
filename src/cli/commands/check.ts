import type { Command } from '@commander-js/extra-typings'
import {
  checkSchedule,
  evaluateSchedule,
  evaluationContext,
  formatMoney,
  type CheckRow,
} from '../../domain/index.js'
import { loadSnapshot } from '../record-source.js'
import { printTable } from '../table.js'

/** `sma check`: recompute every agreement; exit 1 on any mismatch with a published figure. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('recompute every agreement and compare with the published figures')
    .option('--json', 'machine-readable output')
    .option('--server <url>', 'check the record of this SMA Desk server')
    .action(async (opts) => {
      const record = await loadSnapshot(opts)
      const ctx = evaluationContext(record)
      const rows: (CheckRow & { currency: string })[] = []
      for (const spec of record.agreements) {
        const s = evaluateSchedule(spec, ctx)
        for (const r of checkSchedule(s)) rows.push({ ...r, currency: s.currency })
      }
      const computedMatches = rows.filter(
        (r) => r.kind === 'computed' && r.result === 'match',
      ).length
      const mismatches = rows.filter((r) => r.result === 'mismatch')
      const summary = {
        years: rows.length,
        computedMatchingPublished: computedMatches,
        negotiated: rows.filter((r) => r.kind === 'negotiated').length,
        computedWithoutPublishedFigure: rows.filter(
          (r) => r.kind === 'computed' && r.result === 'no-published-figure',
        ).length,
        pending: rows.filter((r) => r.kind === 'pending').length,
        unknown: rows.filter((r) => r.kind === 'unknown').length,
        mismatches: mismatches.length,
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ summary, rows }, null, 2)}\n`)
      } else {
        const cur = (r: (typeof rows)[number]): 'KRW' | 'USD' | 'JPY' =>
          r.currency as 'KRW' | 'USD' | 'JPY'
        printTable(
          ['agreement', 'year', 'kind', 'computed', 'published', 'result'],
          rows
            .filter((r) => r.kind !== 'unknown')
            .map((r) => [
              r.agreement,
              String(r.year),
              r.kind,
              r.amount === null ? '—' : formatMoney(r.amount, cur(r)),
              r.published === null ? '' : formatMoney(r.published, cur(r)),
              r.result,
            ]),
          [false, false, false, true, true],
        )
        process.stdout.write(
          `\n${summary.computedMatchingPublished} computed years match their published figure exactly; ` +
            `${summary.negotiated} years are negotiated (stated, not computed); ` +
            `${summary.computedWithoutPublishedFigure} computed years have no published figure (projected or inferred); ` +
            `${summary.pending} pending; ${summary.unknown} unknown (not listed); ${summary.mismatches} mismatches.\n`,
        )
      }
      if (mismatches.length > 0) {
        for (const m of mismatches) {
          process.stderr.write(
            `sma: ${m.agreement} ${m.year}: computed ${m.amount ?? '—'} but published ${m.published ?? '—'}\n`,
          )
        }
        process.exitCode = 1
      }
    })
}
