import type { Command } from '@commander-js/extra-typings'
import {
  evaluateSchedule,
  evaluationContext,
  formatMoney,
  textIn,
  revisionId,
  shortProvenance,
  type RecordSnapshot,
  type Schedule,
} from '../../domain/index.js'
import {
  loadSnapshot,
  parseOverrides,
  resolveAgreement,
  type RecordFlags,
} from '../record-source.js'
import { printTable } from '../table.js'
import { shippedSources } from '../../record/shipped-sources.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/**
 * Computes a schedule from the record the flags name (shipped files, SMA_DB or --server), or of a
 * spec file. An impossible input is an EvaluationError: one line and exit 2.
 */
export async function computeSchedule(
  idOrFile: string,
  indexFlags: readonly string[],
  flags: RecordFlags,
): Promise<{ schedule: Schedule; revisionId: string; snapshot: RecordSnapshot }> {
  const overrides = parseOverrides(indexFlags)
  const loaded = await loadSnapshot(flags)
  // A server's record carries no source registry: the tiers are the shipped registry's.
  const record = loaded.sources ? loaded : { ...loaded, sources: shippedSources() }
  const spec = resolveAgreement(record, idOrFile)
  const stored = record.entries.find((e) => e.spec === spec)
  return {
    schedule: evaluateSchedule(spec, evaluationContext(record, overrides)),
    revisionId: stored?.revisionId ?? revisionId(spec),
    snapshot: record,
  }
}

/** `sma schedule <id> [--index SERIES:YEAR=VALUE]… [--json]`: the yearly figures. */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description('yearly figures of an agreement (an id, or a spec .json file)')
    .argument('<agreement>', 'agreement id, e.g. rok-us-sma-12, or a path to a spec .json file')
    .option(
      '--index <SERIES:YEAR=VALUE>',
      'what-if index value, e.g. KR_CPI:2025=7.3 (repeatable)',
      collect,
      [],
    )
    .option(
      '--json',
      'machine-readable output (the same JSON as GET /api/agreements/{id}/schedule)',
    )
    .option('--server <url>', 'read the record from this SMA Desk server')
    .action(async (id, opts) => {
      const { schedule, revisionId: rev } = await computeSchedule(id, opts.index, opts)
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ...schedule, revisionId: rev }, null, 2)}\n`)
        return
      }
      const cur = schedule.currency
      printTable(
        ['year', 'amount', 'status', 'known as', 'published', 'check', 'how'],
        schedule.years.map((y) => [
          String(y.year),
          y.amount === null ? '—' : formatMoney(y.amount, cur),
          y.status,
          y.provenance === null ? '' : shortProvenance(y.provenance, 'en'),
          y.published === null
            ? ''
            : `${formatMoney(y.published, cur)}${y.publishedProvenance === 'reported' ? ` (${shortProvenance('reported', 'en')})` : ''}`,
          y.matchesPublished === null ? '' : y.matchesPublished ? 'matches' : 'DIFFERS',
          y.derivation.type === 'escalated'
            ? `${y.derivation.rule.kind}${y.derivation.rate.kind === 'index' && y.derivation.rate.binding ? ` (${y.derivation.rate.binding} binding)` : ''}`
            : y.derivation.type === 'stated'
              ? y.derivation.rule.kind
              : y.derivation.type === 'pending'
                ? `waiting for ${y.derivation.waitingFor.map((w) => `${w.series} ${w.period}`).join(', ')}`
                : textIn(y.derivation.reason, 'en'),
        ]),
        [true, true],
      )
      process.stdout.write(
        `total over the term: ${schedule.total === null ? '— (not every year is known)' : formatMoney(schedule.total, cur)}\n`,
      )
    })
}
