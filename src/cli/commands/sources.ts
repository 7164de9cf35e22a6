import type { Command } from '@commander-js/extra-typings'
import {
  citedFacts,
  supportFacts,
  SOURCE_TIERS,
  tierLabel,
  weakestTier,
  type SourceTier,
} from '../../domain/index.js'
import { shippedJapanSupport } from '../../record/shipped-host-support.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import { shippedSources } from '../../record/shipped-sources.js'
import { CliError } from '../cli-error.js'
import { printTable } from '../table.js'

/**
 * `sma sources [--agreement ID] [--lang ko|en] [--json]`: every sourced fact of the shipped
 * record (Japan's yearly host-nation support figures included) with its weakest source tier, and the tier table (how many facts rest on each tier).
 */
export function registerSources(program: Command): void {
  program
    .command('sources')
    .description('every fact of the record with its weakest source tier, and the tier table')
    .option('--agreement <id>', 'only this agreement')
    .option('--lang <lang>', 'en or ko', 'en')
    .option('--json', 'machine-readable output')
    .action((opts) => {
      if (opts.lang !== 'en' && opts.lang !== 'ko')
        throw new CliError(
          `unknown language "${opts.lang}": use en or ko`,
          `"${opts.lang}"은(는) 지원하지 않는 언어입니다. "en" 또는 "ko"를 지정하십시오.`,
        )
      const lang = opts.lang
      const registry = shippedSources()
      const agreements = shippedSnapshot().agreements.filter(
        (a) => opts.agreement === undefined || a.id === opts.agreement,
      )
      if (agreements.length === 0)
        throw new CliError(
          `no agreement "${String(opts.agreement)}" in the record`,
          `"${String(opts.agreement)}" 협정은 기록에 없습니다.`,
        )
      // Japan's yearly host-nation support figures count under the agreement of their year.
      const ids = new Set(agreements.map((a) => a.id))
      const support = supportFacts(shippedJapanSupport()).filter((f) =>
        opts.agreement === undefined ? true : ids.has(f.agreement),
      )
      const rows = [...agreements.flatMap(citedFacts), ...support].map((f) => ({
        ...f,
        weakest: weakestTier(registry, f.sources),
      }))
      const count = (t: SourceTier | null): number => rows.filter((r) => r.weakest === t).length
      const tiers = [
        ...SOURCE_TIERS.map((t) => ({ tier: t, facts: count(t) })),
        { tier: null, facts: count(null) },
      ]
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ checkedUpTo: registry.checkedUpTo, tiers, facts: rows }, null, 2)}\n`,
        )
        return
      }
      const none = lang === 'ko' ? '출처 없음' : 'none located'
      printTable(
        lang === 'ko'
          ? ['협정', '사실', '가장 약한 출처', '출처 수']
          : ['agreement', 'fact', 'weakest tier', 'sources'],
        rows.map((r) => [
          r.agreement,
          r.fact,
          r.weakest === null ? none : tierLabel(r.weakest, lang),
          String(r.sources.length),
        ]),
        [false, false, false, true],
      )
      process.stdout.write('\n')
      printTable(
        lang === 'ko' ? ['가장 약한 출처', '사실 수'] : ['weakest tier', 'facts'],
        tiers.map((t) => [t.tier === null ? none : tierLabel(t.tier, lang), String(t.facts)]),
        [false, true],
      )
      process.stdout.write(
        lang === 'ko'
          ? `기록 점검 기준일: ${registry.checkedUpTo}\n`
          : `record checked up to ${registry.checkedUpTo}\n`,
      )
    })
}
