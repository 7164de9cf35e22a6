/**
 * Packages, amounts and simulation runs in words, for the bargaining-analysis page. No React.
 */
import type { Translate } from '../../i18n/keys'
import type { SimulationResult } from '../../../../src/contracts/analyses.js'
import type { Delegation } from '../../../../src/domain/index.js'
import { formatMoney, type Lang } from '../../i18n/format'

type Bid = Readonly<Record<string, string | number>>
const ORDER = ['firstYearIncreasePct', 'capPct', 'termYears', 'series'] as const

/** One decimal for a first-year increase, as the agreements state it ("5" → "5.0"). */
const oneDecimal = (v: string): string => (/^-?\d+$/.test(v) ? `${v}.0` : v)

/**
 * A package as a negotiator says it: "first year +5.0 %, cap 5 %, 5 years, CPI-linked" /
 * "첫해 +5.0%, 상한 5%, 5년, 소비자물가 연동". Levers the package does not vary are left out;
 * an unknown lever keeps its raw value.
 */
export function packageWords(bid: Bid, t: Translate): string {
  const parts: string[] = []
  for (const lever of ORDER) {
    const raw = bid[lever]
    if (raw === undefined) continue
    const v = String(raw)
    if (lever === 'firstYearIncreasePct') {
      const sign = v.startsWith('-') ? '' : '+'
      parts.push(t('words.firstYear', { pct: `${sign}${oneDecimal(v)}` }))
    } else if (lever === 'capPct') {
      parts.push(v === 'none' ? t('words.noCap') : t('words.cap', { pct: v }))
    } else if (lever === 'termYears') {
      parts.push(t('words.years', { count: Number(v) }))
    } else {
      parts.push(t(`words.series.${v}`, { defaultValue: v }))
    }
  }
  for (const [k, v] of Object.entries(bid)) {
    if (!(ORDER as readonly string[]).includes(k)) parts.push(`${k} ${String(v)}`)
  }
  return parts.join(', ')
}

/**
 * An amount as the agreement's rules round it: half-up to `step` won (the 12th SMA rounds every
 * yearly amount to ₩100 million). Exact integers. roundToStep('1523456789012', 100000000n) →
 * '1523500000000'.
 */
export function roundToStep(won: string, step: bigint): string {
  const n = BigInt(won)
  if (step <= 1n) return n.toString()
  const q = n / step
  const r = n % step
  return ((r * 2n >= step ? q + 1n : q) * step).toString()
}

/** Where an amount stands against our reservation value (the most we pay / the least we take). */
export type ReservationCheck = 'inside' | 'outside' | 'unknown'

/**
 * KR pays: an amount above KR's reservation value is outside it. The US receives: an amount
 * below the US's reservation value is outside it. Exact integer comparison.
 */
export function checkReservation(
  amount: string | null | undefined,
  reservation: string | null | undefined,
  party: Delegation,
): ReservationCheck {
  if (amount === null || amount === undefined || reservation === null || reservation === undefined)
    return 'unknown'
  const a = BigInt(amount)
  const r = BigInt(reservation.split('.')[0] ?? reservation)
  const outside = party === 'KR' ? a > r : a < r
  return outside ? 'outside' : 'inside'
}

/**
 * One run in plain language: who conceded how much (own utility of the first offer minus that of
 * the agreement, in percentage points), by which round and date, and the package agreed, or that
 * there was no agreement by the deadline.
 */
export function runSummary(
  sim: SimulationResult,
  parties: readonly [Delegation, Delegation],
  t: Translate,
  lang: Lang,
  step: bigint,
  roundDays?: number,
  today?: string,
): string {
  const name = (i: 0 | 1) => t(`partyName.${parties[i]}`)
  if (sim.agreement === null) {
    const who = { rounds: sim.roundsPlayed, a: name(0), b: name(1) }
    return sim.deadline === null
      ? t('words.run.noneNoDeadline', who)
      : t('words.run.none', { ...who, deadline: sim.deadline })
  }
  const ag = sim.agreement
  const conceded = ([0, 1] as const).map((i) => {
    const first = sim.offers[i]?.[0]?.[i] ?? 1
    const at = ag.utility[i] ?? 0
    return Math.max(0, Math.round((first - at) * 100))
  })
  const when =
    roundDays !== undefined && today !== undefined
      ? addDays(today, (ag.round + 1) * roundDays)
      : null
  return t('words.run.agreed', {
    round: ag.round + 1,
    when: when === null ? '' : t('words.run.by', { date: when }),
    package: packageWords(ag.bid, t),
    amount: ag.amount === null ? '—' : formatMoney(roundToStep(ag.amount, step), 'KRW', lang),
    by: t(`partyName.${ag.acceptedBy === parties[1] ? parties[1] : parties[0]}`),
    a: name(0),
    b: name(1),
    ca: conceded[0],
    cb: conceded[1],
  })
}

/** `iso` + `days` as YYYY-MM-DD (UTC calendar arithmetic). */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
