import { rational } from '../money/rational.js'
import { roundToStep } from '../money/rounding.js'
import type { CurrencyCode } from '../money/currency.js'
import { shortProvenance } from '../record/provenance-words.js'
import type { Lang } from '../text/localized.js'
import type { HostCell, HostComparison } from './compare.js'

/**
 * The comparison in words, for the CLI, the golden file and the web: the display roundings are
 * named here once (half-even throughout, so a long table does not drift upwards).
 */

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** Splits a non-negative integer into 조/억/만 parts, dropping empty ones. */
function koreanUnits(n: bigint): string {
  const parts: string[] = []
  for (const [unit, name] of [
    [1_000_000_000_000n, '조'],
    [100_000_000n, '억'],
    [10_000n, '만'],
  ] as const) {
    const q = n / unit
    if (q > 0n) parts.push(`${group(q.toString())}${name}`)
    n %= unit
  }
  if (n > 0n || parts.length === 0) parts.push(group(n.toString()))
  return parts.join(' ')
}

/**
 * A yen or won amount for the table: rounded half-even to 100 million (억, the unit the sources
 * use), in 억 for Korean and in billions for English; dollars in millions.
 * @example amountText('205600000000', 'JPY', 'ko') // "2,056억 엔"
 * @example amountText('205600000000', 'JPY', 'en') // "¥205.6 bn"
 * @example amountText('1519200000000', 'KRW', 'ko') // "1조 5,192억 원"
 */
export function amountText(minor: string, currency: CurrencyCode, lang: Lang): string {
  if (currency === 'USD') return usdText(minor, lang)
  const oku = roundToStep(rational(BigInt(minor)), 100_000_000n, 'half-even')
  if (lang === 'ko') return `${koreanUnits(oku)} ${currency === 'JPY' ? '엔' : '원'}`
  const tenths = oku / 100_000_000n // in 0.1 bn
  return `${currency === 'JPY' ? '¥' : '₩'}${group((tenths / 10n).toString())}.${tenths % 10n} bn`
}

/**
 * US cents as dollars for the table, half-even to $0.1 million (10만 달러).
 * @example usdText('156398691911', 'en') // "$1,564.0 m"
 * @example usdText('156398691911', 'ko') // "15억 6,400만 달러"
 */
export function usdText(cents: string, lang: Lang): string {
  const step = 10_000_000n // $100,000 in cents
  const r = roundToStep(rational(BigInt(cents)), step, 'half-even') / 100n // whole dollars
  if (lang === 'ko') return `${koreanUnits(r)} 달러`
  const tenths = r / 100_000n
  return `$${group((tenths / 10n).toString())}.${tenths % 10n} m`
}

/**
 * Whole dollars per service member (the cents are already rounded to the dollar).
 * @example perTroopText('2896300', 'ko') // "28,963달러"
 */
export function perTroopText(cents: string, lang: Lang): string {
  const d = group((BigInt(cents) / 100n).toString())
  return lang === 'ko' ? `${d}달러` : `$${d}`
}

/**
 * A rate as published, per dollar.
 * @example rateText({ currency: 'JPY', perUsd: '131.4589' }, 'ko') // "1달러 = 131.4589엔"
 */
export function rateText(r: { currency: 'KRW' | 'JPY'; perUsd: string }, lang: Lang): string {
  const [int = '', frac] = r.perUsd.split('.')
  const n = `${group(int)}${frac ? `.${frac}` : ''}`
  if (lang === 'ko') return `1달러 = ${n}${r.currency === 'JPY' ? '엔' : '원'}`
  return `${n} ${r.currency === 'JPY' ? '¥' : '₩'}/$`
}

export const UNKNOWN: Record<Lang, string> = { ko: '미상', en: 'unknown' }

/** The cells of one host's row, in words; unknown inputs say so. */
export function cellWords(c: HostCell, lang: Lang): string[] {
  const u = UNKNOWN[lang]
  return [
    String(c.year),
    c.host === 'KR' ? (lang === 'ko' ? '한국' : 'Korea') : lang === 'ko' ? '일본' : 'Japan',
    c.amount
      ? `${amountText(c.amount.value, c.amount.currency, lang)} (${shortProvenance(c.amount.provenance, lang)})`
      : u,
    c.rate ? rateText(c.rate, lang) : c.amount?.currency === 'USD' ? '—' : u,
    c.usdCents ? usdText(c.usdCents, lang) : u,
    c.troops ? c.troops.count.toLocaleString('en-US') : u,
    c.usdCentsPerTroop ? perTroopText(c.usdCentsPerTroop, lang) : u,
    c.budgetSharePct ? `${c.budgetSharePct}%` : u,
  ]
}

/** The table's header in a language. */
export function comparisonHeader(lang: Lang): string[] {
  return lang === 'ko'
    ? ['연도', '나라', '분담액', '환율(연평균)', '달러 환산', '주둔 미군', '1인당', '국방비 대비']
    : [
        'year',
        'host',
        'amount',
        'rate (yearly avg.)',
        'in USD',
        'US troops',
        'per member',
        'of defence budget',
      ]
}

/**
 * The notes every rendering of the comparison carries: fiscal years, the rate series, and that
 * the dollar, per-member and budget-share figures are SMA Desk's derivations.
 */
export function comparisonNotes(c: HostComparison, lang: Lang): string[] {
  return lang === 'ko'
    ? [
        '회계연도: 한국은 1월~12월, 일본은 4월~다음 해 3월이다. 일본 회계연도에는 그 회계연도가 시작하는 해의 연평균 환율을 적용한다.',
        `환율: ${c.rateSeries.ko}.`,
        '한국은 방위비분담특별협정에 따른 분담금(공표 수치가 있으면 그 수치, 없으면 SMA Desk가 협정 규칙에 따라 계산한 금액), 일본은 주일미군 주둔경비 부담 총액(특별협정 대상과 제공시설정비비·복리비 등 포함, 세출 기준)이다.',
        '달러 환산액, 1인당 금액, 국방비 대비 비율은 SMA Desk가 계산한 값이며 공표된 수치가 아니다. 입력값 중 하나라도 없으면 미상으로 둔다(보간하지 않음).',
      ]
    : [
        'Fiscal years: Korea January–December; Japan April–March. A Japanese fiscal year uses the yearly average rate of the year it starts in.',
        `Rates: ${c.rateSeries.en}.`,
        "Korea: the SMA contribution (the published figure where there is one, else SMA Desk's derivation from the agreement's rule); Japan: host-nation support in all (inside the special agreement plus FIP and welfare, expenditure basis).",
        'Dollar amounts, amounts per service member and budget shares are derived by SMA Desk, not published figures. Where any input is unknown the cell says unknown (no interpolation).',
      ]
}
