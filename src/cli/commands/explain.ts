import type { Command } from '@commander-js/extra-typings'
import { explainYear } from '../../domain/index.js'
import { explainNames } from '../../record/shipped-sources.js'
import { CliError } from '../cli-error.js'
import { computeSchedule } from './schedule.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** `sma explain <id> <year> [--lang ko|en]`: one figure's derivation in plain words. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description("a year's derivation in plain words")
    .argument('<agreement>', 'agreement id or spec .json file')
    .argument('<year>', 'year of the term')
    .option('--lang <lang>', 'en or ko', 'en')
    .option('--index <SERIES:YEAR=VALUE>', 'what-if index value (repeatable)', collect, [])
    .option('--server <url>', 'read the record from this SMA Desk server')
    .action(async (id, yearText, opts) => {
      if (opts.lang !== 'en' && opts.lang !== 'ko')
        throw new CliError(
          `unknown language "${opts.lang}": use en or ko`,
          `"${opts.lang}"은(는) 지원하지 않는 언어입니다. "en" 또는 "ko"를 지정하십시오.`,
        )
      if (!/^\d{4}$/.test(yearText))
        throw new CliError(
          `malformed year "${yearText}": expected four digits, e.g. 2027`,
          `연도 "${yearText}"의 형식이 올바르지 않습니다. 네 자리 숫자로 쓰십시오(예: 2027).`,
        )
      const { schedule, snapshot } = await computeSchedule(id, opts.index, opts)
      const year = Number(yearText)
      const fig = schedule.years.find((y) => y.year === year)
      if (!fig) {
        const first = schedule.years[0]?.year
        const last = schedule.years.at(-1)?.year
        throw new CliError(
          `${year} is outside the term of ${schedule.agreement} (${first}–${last})`,
          `${year}년은 "${schedule.agreement}" 협정 기간(${first}~${last}년)에 포함되지 않습니다.`,
        )
      }
      process.stdout.write(
        `${explainYear(fig, schedule.currency, opts.lang, explainNames(snapshot.agreements)).join('\n')}\n`,
      )
    })
}
