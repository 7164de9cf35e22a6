import type { Command } from '@commander-js/extra-typings'
import { cellWords, comparisonHeader, comparisonNotes, type HostCell } from '../../domain/index.js'
import { hostComparisonOf } from '../../record/host-comparison.js'
import { CliError } from '../cli-error.js'
import { loadSnapshot } from '../record-source.js'
import { printTable } from '../table.js'

const yearOf = (text: string): number => {
  if (!/^\d{4}$/.test(text))
    throw new CliError(
      `"${text}" is not a year: use four digits, e.g. 2019`,
      `"${text}"은(는) 연도가 아닙니다. 네 자리 숫자로 쓰십시오(예: 2019).`,
    )
  return Number(text)
}

/**
 * `sma compare-hosts [--from Y] [--to Y] [--known] [--lang ko|en] [--json] [--server URL]`:
 * Korea vs Japan by year (amount, rate, dollars, per service member, share of the defence
 * budget), with the notes on fiscal years, the rate series and what SMA Desk derived.
 */
export function registerCompareHosts(program: Command): void {
  program
    .command('compare-hosts')
    .description(
      'Korea vs Japan by year: amounts in US dollars at sourced rates, per stationed service member, share of the defence budget',
    )
    .option('--from <year>', 'first year shown')
    .option('--to <year>', 'last year shown')
    .option('--known', 'only years where either host has an amount')
    .option('--lang <lang>', 'en or ko', 'en')
    .option('--json', 'machine-readable output (the same JSON as GET /api/host-support/comparison)')
    .option('--server <url>', "read Korea's record from this SMA Desk server")
    .action(async (opts) => {
      if (opts.lang !== 'en' && opts.lang !== 'ko')
        throw new CliError(
          `unknown language "${opts.lang}": use en or ko`,
          `"${opts.lang}"은(는) 지원하지 않는 언어입니다. "en" 또는 "ko"를 지정하십시오.`,
        )
      const lang = opts.lang
      const from = opts.from === undefined ? -Infinity : yearOf(opts.from)
      const to = opts.to === undefined ? Infinity : yearOf(opts.to)
      if (from > to)
        throw new CliError(
          `--from ${from} is after --to ${to}`,
          `"--from" 값(${from})이 "--to" 값(${to})보다 늦습니다.`,
        )
      const result = hostComparisonOf(await loadSnapshot(opts))
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
        return
      }
      const { comparison } = result
      const rows = comparison.rows.filter(
        (r) => r.year >= from && r.year <= to && (!opts.known || r.kr.amount || r.jp.amount),
      )
      const cells: HostCell[] = rows.flatMap((r) => [r.kr, r.jp])
      printTable(
        comparisonHeader(lang),
        cells.map((c) => cellWords(c, lang)),
        [false, false, true, true, true, true, true, true],
      )
      process.stdout.write(`\n${comparisonNotes(comparison, lang).join('\n')}\n`)
    })
}
