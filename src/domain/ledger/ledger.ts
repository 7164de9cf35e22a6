import type { Schedule } from '../agreement/evaluate.js'
import { scheduleInRecord, type RecordSnapshot } from '../record/record.js'
import type { CurrencyCode } from '../money/currency.js'
import type { Provenance, Source } from '../record/sources.js'
import type { Localized } from '../text/localized.js'
import { checkIdentity, type IdentityCheck, type Term } from './identities.js'
import { evaluateSpendingRules, type RuleResult } from './rules.js'
import type { Balance, LedgerFigure, LedgerFile, LedgerYear } from './schema.js'

/**
 * The ledger of one agreement: for every year of its term, the contribution (from the agreement
 * engine, never copied), the recorded figures with their provenance, the identity checks and the
 * spending rules. Money is integer won as decimal text, null when unknown. The JSON of
 * `sma ledger <id> --json` and `GET /api/agreements/{id}/ledger`.
 */
export interface LedgerFigureView {
  readonly amount: string
  readonly provenance: Provenance
  readonly sources: readonly string[]
  readonly note: Localized | null
}

export interface LedgerAllocationView {
  readonly labor: string | null
  readonly construction: string | null
  readonly constructionCash: string | null
  readonly constructionInKind: string | null
  readonly logistics: string | null
  /** The appropriation when recorded, else the sum of the three categories when all are known. */
  readonly total: string | null
}

export interface LedgerYearView {
  readonly year: number
  /** The year's contribution from the agreement engine (null while pending or unknown). */
  readonly contribution: string | null
  readonly contributionStatus: 'computed' | 'pending' | 'unknown'
  readonly allocated: LedgerAllocationView
  readonly executed: string | null
  readonly unexecuted: string | null
  readonly carriedOverIn: string | null
  readonly carriedOverOut: string | null
  readonly lapsed: string | null
  readonly interest: string | null
  /** Provenance and citations of every known figure, by field (`allocated.labor`, `executed`…). */
  readonly figures: Readonly<Record<string, LedgerFigureView>>
  /** Every URL the year's figures cite. */
  readonly sources: readonly string[]
  readonly checks: readonly IdentityCheck[]
  readonly rules: readonly RuleResult[]
  readonly note: Localized | null
  readonly lookedFor: string | null
}

export interface LedgerView {
  readonly agreement: string
  readonly currency: CurrencyCode
  readonly years: readonly LedgerYearView[]
  readonly sources: readonly Source[]
  /** Accumulated balances reported at a date (stocks), as recorded. */
  readonly balances: readonly Balance[]
  readonly notFound: readonly { readonly what: string; readonly lookedFor: string }[]
  readonly coverage: {
    /** Years whose three categories are known and add up exactly to the contribution. */
    readonly categoriesComplete: readonly number[]
    /** Years whose executed amount and carry-over in and out are all known. */
    readonly executionAndCarryOver: readonly number[]
    /** Years where some identity does not hold in the recorded figures. */
    readonly gaps: readonly number[]
  }
}

const CATEGORY_FIELDS = ['labor', 'construction', 'logistics'] as const
const ALLOCATION_FIELDS = [
  'labor',
  'construction',
  'constructionCash',
  'constructionInKind',
  'logistics',
  'appropriated',
] as const

const WORDS = {
  labor: { en: 'labor', ko: '인건비' },
  construction: { en: 'construction', ko: '군사건설비' },
  logistics: { en: 'logistics', ko: '군수지원비' },
  constructionCash: { en: 'construction in cash', ko: '군사건설비(현금)' },
  constructionInKind: { en: 'construction in kind', ko: '군사건설비(현물)' },
  contribution: { en: 'contribution', ko: '분담금 총액' },
  allocated: { en: 'allocated', ko: '배정액' },
  executed: { en: 'executed', ko: '집행액' },
  unexecuted: { en: 'unexecuted', ko: '미집행액' },
  carriedOverIn: { en: 'carried in', ko: '전년도 이월액' },
  carriedOverOut: { en: 'carried out', ko: '다음 연도 이월액' },
  lapsed: { en: 'lapsed', ko: '불용액' },
  prevCarriedOverOut: { en: "previous year's carried out", ko: '전년도의 다음 연도 이월액' },
} as const

const amountOf = (f: LedgerFigure | null | undefined): bigint | null =>
  f === null || f === undefined ? null : BigInt(f.amount)

const view = (f: LedgerFigure): LedgerFigureView => ({
  amount: f.amount,
  provenance: f.provenance,
  sources: f.sources,
  note: f.note ?? null,
})

const term = (field: keyof typeof WORDS, value: bigint | null, name: string = field): Term => ({
  field: name,
  ...WORDS[field],
  value,
})

/** The allocated total of a year and how it is known (null when neither way applies). */
function allocatedTotal(y: LedgerYear): LedgerFigureView | null {
  if (y.allocated.appropriated) return view(y.allocated.appropriated)
  const parts = CATEGORY_FIELDS.map((c) => y.allocated[c])
  if (parts.some((p) => p === null)) return null
  const sum = parts.reduce((s, p) => s + BigInt(p?.amount ?? '0'), 0n)
  return {
    amount: sum.toString(),
    provenance: 'derived',
    sources: [...new Set(parts.flatMap((p) => p?.sources ?? []))],
    note: { en: 'labor + construction + logistics', ko: '인건비 + 군사건설비 + 군수지원비' },
  }
}

/** The ledger year of a year with no recorded figures. */
function emptyYear(year: number): LedgerYear {
  return {
    year,
    allocated: {
      labor: null,
      construction: null,
      constructionCash: null,
      constructionInKind: null,
      logistics: null,
      appropriated: null,
    },
    executed: null,
    unexecuted: null,
    carriedOverIn: null,
    carriedOverOut: null,
    lapsed: null,
    interest: null,
    laborCostTotal: null,
    note: null,
    lookedFor: 'No ledger figures are recorded for this year.',
  }
}

function yearView(
  y: LedgerYear,
  fig: Schedule['years'][number] | undefined,
  previous: LedgerYear | undefined,
  rules: LedgerFile['rules'],
): LedgerYearView {
  const contribution = fig?.status === 'computed' ? fig.amount : null
  const total = allocatedTotal(y)
  const figures: Record<string, LedgerFigureView> = {}
  for (const f of ALLOCATION_FIELDS) {
    const v = y.allocated[f]
    if (v) figures[`allocated.${f}`] = view(v)
  }
  if (total) figures['allocated.total'] = total
  const balance = {
    executed: y.executed,
    unexecuted: y.unexecuted,
    carriedOverIn: y.carriedOverIn,
    carriedOverOut: y.carriedOverOut,
    lapsed: y.lapsed,
    interest: y.interest,
  }
  for (const [k, v] of Object.entries(balance)) if (v) figures[k] = view(v)
  const a = y.allocated
  const checks: IdentityCheck[] = [
    checkIdentity(
      'categories',
      y.year,
      CATEGORY_FIELDS.map((c) => term(c, amountOf(a[c]), `allocated.${c}`)),
      [term('contribution', contribution === null ? null : BigInt(contribution))],
    ),
    checkIdentity(
      'construction-forms',
      y.year,
      [
        term('constructionCash', amountOf(a.constructionCash), 'allocated.constructionCash'),
        term('constructionInKind', amountOf(a.constructionInKind), 'allocated.constructionInKind'),
      ],
      [term('construction', amountOf(a.construction), 'allocated.construction')],
    ),
    checkIdentity(
      'balance',
      y.year,
      [
        term('carriedOverIn', amountOf(y.carriedOverIn)),
        term('allocated', total === null ? null : BigInt(total.amount), 'allocated.total'),
      ],
      [
        term('executed', amountOf(y.executed)),
        term('carriedOverOut', amountOf(y.carriedOverOut)),
        term('lapsed', amountOf(y.lapsed)),
      ],
    ),
    checkIdentity(
      'unexecuted',
      y.year,
      [term('unexecuted', amountOf(y.unexecuted))],
      [term('carriedOverOut', amountOf(y.carriedOverOut)), term('lapsed', amountOf(y.lapsed))],
    ),
  ]
  if (previous)
    checks.push(
      checkIdentity(
        'continuity',
        y.year,
        [term('carriedOverIn', amountOf(y.carriedOverIn))],
        [
          term(
            'prevCarriedOverOut',
            amountOf(previous.carriedOverOut),
            `${previous.year}.carriedOverOut`,
          ),
        ],
      ),
    )
  const inputs = {
    labor: amountOf(a.labor),
    construction: amountOf(a.construction),
    constructionCash: amountOf(a.constructionCash),
    constructionInKind: amountOf(a.constructionInKind),
    logistics: amountOf(a.logistics),
    laborCostTotal: amountOf(y.laborCostTotal),
  }
  return {
    year: y.year,
    contribution,
    contributionStatus: fig?.status ?? 'unknown',
    allocated: {
      labor: a.labor?.amount ?? null,
      construction: a.construction?.amount ?? null,
      constructionCash: a.constructionCash?.amount ?? null,
      constructionInKind: a.constructionInKind?.amount ?? null,
      logistics: a.logistics?.amount ?? null,
      total: total?.amount ?? null,
    },
    executed: y.executed?.amount ?? null,
    unexecuted: y.unexecuted?.amount ?? null,
    carriedOverIn: y.carriedOverIn?.amount ?? null,
    carriedOverOut: y.carriedOverOut?.amount ?? null,
    lapsed: y.lapsed?.amount ?? null,
    interest: y.interest?.amount ?? null,
    figures,
    sources: [...new Set(Object.values(figures).flatMap((f) => f.sources))],
    checks,
    rules: evaluateSpendingRules(rules, y.year, inputs),
    note: y.note,
    lookedFor: y.lookedFor,
  }
}

const CITABLE: readonly Provenance[] = ['published', 'reported', 'derived', 'stated']

/**
 * Builds the ledger of an agreement from its schedule (the contribution of each year) and its
 * ledger file (undefined when none is recorded: every year is then unknown). Years follow the
 * schedule; a file year outside the term is ignored by construction.
 * @example buildLedger(scheduleOf(sma11), sma11Ledger).coverage.categoriesComplete // [2021, 2022]
 */
export function buildLedger(schedule: Schedule, file: LedgerFile | undefined): LedgerView {
  const byYear = new Map((file?.years ?? []).map((y) => [y.year, y]))
  const years = schedule.years.map((fig, i) => {
    const y = byYear.get(fig.year) ?? emptyYear(fig.year)
    const prevYear = i > 0 ? schedule.years[i - 1]?.year : undefined
    const previous = prevYear === undefined ? undefined : byYear.get(prevYear)
    return yearView(y, fig, previous, file?.rules ?? [])
  })
  const balances = file?.balances ?? []
  const cited = new Set([
    ...years.flatMap((y) => [...y.sources, ...y.rules.flatMap((r) => r.sources)]),
    ...balances.flatMap((b) => b.sources),
  ])
  return {
    agreement: schedule.agreement,
    currency: schedule.currency,
    years,
    sources: (file?.sources ?? []).filter((s) => cited.has(s.url)),
    balances,
    notFound: file?.notFound ?? [],
    coverage: {
      categoriesComplete: years
        .filter(
          (y) =>
            y.checks.some((c) => c.id === 'categories' && c.status === 'holds') &&
            CATEGORY_FIELDS.every((c) => {
              const f = y.figures[`allocated.${c}`]
              return f !== undefined && CITABLE.includes(f.provenance)
            }),
        )
        .map((y) => y.year),
      executionAndCarryOver: years
        .filter((y) => y.executed !== null && y.carriedOverIn !== null && y.carriedOverOut !== null)
        .map((y) => y.year),
      gaps: years.filter((y) => y.checks.some((c) => c.status === 'gap')).map((y) => y.year),
    },
  }
}

/**
 * The ledger of an agreement of a snapshot: its schedule from the engine and its ledger file
 * (when one is recorded). An id the snapshot does not hold is `not-found`.
 * @example ledgerInRecord(snapshot, 'rok-us-sma-11', shippedLedgers()).years[1].allocated.labor // "559800000000"
 */
export function ledgerInRecord(
  snapshot: RecordSnapshot,
  id: string,
  files: readonly LedgerFile[],
): LedgerView {
  return buildLedger(
    scheduleInRecord(snapshot, id),
    files.find((f) => f.agreement === id),
  )
}
