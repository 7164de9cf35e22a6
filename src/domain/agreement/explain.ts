import { formatKoreanAmount, formatMoney, formatPct } from '../money/format.js'
import { CURRENCY_EXPONENT, toMajorText, type CurrencyCode } from '../money/currency.js'
import type { RoundingMode } from '../money/rounding.js'
import type { SeriesId } from '../index-series/index-series.js'
import { koreanDate } from '../text/korean-date.js'
import { withParticle } from '../text/korean-particles.js'
import { textIn, type Lang, type Localized, type LocalizedText } from '../text/localized.js'
import type { Derivation, YearFigure } from './evaluate.js'
import { provenanceLabel } from '../record/provenance-words.js'

/**
 * What an explanation may name besides the figure: agreements by their titles and sources by
 * their publishers (from the source registry). Without them, Korean prose leaves names out rather
 * than print ids or addresses.
 */
export interface ExplainNames {
  readonly agreementTitle?: (id: string) => Localized | undefined
  readonly source?: (
    url: string,
  ) => { readonly publisher: Localized; readonly published: string | null } | undefined
}

const MODE_EN: Record<RoundingMode, string> = {
  'half-up': 'round half-up',
  'half-even': 'round half-even',
  floor: 'round down',
  ceil: 'round up',
  truncate: 'truncate',
}
const MODE_KO: Record<RoundingMode, string> = {
  'half-up': '반올림',
  'half-even': '오사오입',
  floor: '내림',
  ceil: '올림',
  truncate: '절사',
}
const SERIES_KO: Record<SeriesId, string> = {
  KR_CPI: '소비자물가상승률',
  KR_DEFENSE_BUDGET: '국방비 증가율',
}
const VINTAGE_KO: Record<string, string> = {
  latest: '최신 공표치',
  'first release': '최초 공표치',
  'first release (= current series)': '최초 공표치',
  'published (main budget as passed)': '국회 확정 본예산 기준',
  'rebased current series': '기준연도 개편 후 현행 계열',
}

/** 전년도, 전전년도, or "N년 전" for a lag in years (the wording of the official releases). */
function lagKo(lag: number): string {
  if (lag === 0) return '당해 연도'
  if (lag === 1) return '전년도'
  if (lag === 2) return '전전년도'
  return `${lag}년 전`
}

/** A Hangul word with its topic particle: 반올림은, 절사는. */
function topic(word: string): string {
  return withParticle(word, '은')
}

/** A Korean amount in 조/억/만 and the currency's Korean name (원, 달러, 엔). */
function ko(minor: string, currency: CurrencyCode): string {
  return formatKoreanAmount(minor, currency)
}

/**
 * An exact amount of minor units as decimal text in major units: cents become dollars
 * ("36666.3" → "366.663"); won and yen are their own minor units.
 */
function exactMajor(exact: string, currency: CurrencyCode): string {
  if (CURRENCY_EXPONENT[currency] === 0) return exact
  const [whole = '0', frac = ''] = exact.split('.')
  return `${toMajorText(BigInt(whole), currency)}${frac}`.replace(/\.?0+$/, '')
}

/** Korean amount of an exact (possibly fractional) amount of minor units. */
function exactKo(exact: string, currency: CurrencyCode): string {
  // toDecimalString writes no fraction for a whole amount and never ends one in 0
  if (!exact.includes('.')) return ko(exact, currency)
  const major = exactMajor(exact, currency)
  const int = major.slice(0, major.indexOf('.'))
  const decimals = major.slice(major.indexOf('.'))
  const name = currency === 'KRW' ? '원' : currency === 'USD' ? '달러' : '엔'
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals}${name}`
}

/** Publishers (with dates) of a list of sources, in one language; unknown sources are left out. */
function sourceLine(urls: readonly string[], lang: Lang, names: ExplainNames): string | null {
  if (!names.source) return lang === 'en' && urls.length > 0 ? urls.slice(0, 3).join(', ') : null
  const seen = new Set<string>()
  for (const u of urls) {
    const s = names.source(u)
    if (!s) continue
    const p = textIn(s.publisher, lang)
    const date = s.published && lang === 'ko' ? koreanDate(s.published) : s.published
    seen.add(date ? `${p}(${date})` : p)
  }
  return seen.size > 0 ? [...seen].slice(0, 4).join(', ') : null
}

/** A record note in the language asked; an English-only note is left out of Korean prose. */
function noteIn(note: LocalizedText | undefined, lang: Lang): string | null {
  if (note === undefined) return null
  if (typeof note === 'string') return lang === 'en' ? note : null
  return note[lang]
}

function rateExpression(d: Extract<Derivation, { type: 'escalated' }>): string {
  const r = d.rate
  if (r.kind === 'fixed') return formatPct(r.pct)
  if (r.kind === 'parts') return r.parts.map((p) => formatPct(p.pct)).join(' + ')
  let e = formatPct(r.index.value)
  if (r.cap.kind === 'rate') e = `min(${e}, ${formatPct(r.cap.pct)})`
  if (r.floor.kind === 'rate') e = `max(${e}, ${formatPct(r.floor.pct)})`
  return e
}

/**
 * The derivation of one yearly figure in plain words: a headline and the lines behind it (base,
 * inputs with their publishers and vintages, unrounded value, rounding and whether SMA Desk
 * inferred it, cap or floor, how the figure is known, and the published figure it is compared
 * with). English keeps the formula; Korean is prose with the agreements' Korean titles, the
 * series' official names and amounts in 조/억 원, and no ids, codes or addresses.
 * @example
 * explainYear(fig2027, 'KRW', 'en')[0]
 * // "2027 = round half-up to ₩100,000,000 of ₩1,519,200,000,000 × (1 + min(2.1 %, 5 %)) = ₩1,551,100,000,000"
 * explainYear(fig2027, 'KRW', 'ko')[0]
 * // "2027년 분담금은 1조 5,511억 원입니다. 협정의 산정 방식에 따라 SMA Desk가 계산한 금액입니다."
 */
export function explainYear(
  figure: YearFigure,
  currency: CurrencyCode,
  lang: Lang,
  names: ExplainNames = {},
): string[] {
  return lang === 'ko' ? explainKo(figure, currency, names) : explainEn(figure, currency, names)
}

function explainEn(figure: YearFigure, currency: CurrencyCode, names: ExplainNames): string[] {
  const d = figure.derivation
  const y = figure.year
  const m = (v: string): string => formatMoney(v, currency)
  const lines: string[] = []
  switch (d.type) {
    case 'escalated': {
      const formula = `${m(d.base.amount)} × (1 + ${rateExpression(d)})`
      lines.push(
        `${y} = ${MODE_EN[d.rounding.mode]} to ${m(d.rounding.step)} of ${formula} = ${m(d.amount)}`,
      )
      const title = names.agreementTitle?.(d.base.agreement)?.en ?? d.base.agreement
      lines.push(
        `Base: ${title} ${d.base.year}, ${m(d.base.amount)} (${d.base.from === 'schedule' ? "this computation's previous year" : 'published figure'})`,
      )
      const r = d.rate
      if (r.kind === 'index') {
        const src = r.index.override
          ? 'what-if value'
          : [
              `${r.index.vintage}${r.index.releasedOn ? `, ${r.index.releasedOn}` : ''}`,
              sourceLine(r.index.sources, 'en', names),
            ]
              .filter(Boolean)
              .join('; ')
        lines.push(
          `Index: ${r.index.series} ${r.index.period} = ${formatPct(r.index.value)} (lag ${r.lag}; ${src})`,
        )
        if (r.cap.kind === 'rate')
          lines.push(`Cap ${formatPct(r.cap.pct)} ${r.binding === 'cap' ? 'was' : 'not'} binding`)
        else lines.push('No cap')
        if (r.floor.kind === 'rate')
          lines.push(
            `Floor ${formatPct(r.floor.pct)} ${r.binding === 'floor' ? 'was' : 'not'} binding`,
          )
      } else if (r.kind === 'parts') {
        for (const p of r.parts) lines.push(`${formatPct(p.pct)}: ${p.label.en}`)
      } else {
        lines.push(`Fixed rate ${formatPct(r.pct)}`)
      }
      lines.push(`Unrounded: ${exactMajor(d.exact, currency)}`)
      if (d.rounding.basis === 'inferred')
        lines.push(
          `The rounding to ${m(d.rounding.step)} is SMA Desk's inference from the published figures; the located texts do not state it.`,
        )
      break
    }
    case 'stated':
      lines.push(`${y} = ${m(d.amount)} (${provenanceLabel(d.provenance, 'en')})`)
      if (d.components)
        lines.push(
          `Components: ${d.components.map((c) => `${c.currency} ${c.amount}`).join(' + ')}`,
        )
      lines.push(`Sources: ${sourceLine(d.sources, 'en', names) ?? 'none located'}`)
      break
    case 'pending':
      lines.push(`${y}: pending — ${d.reason}`)
      break
    case 'unknown':
      lines.push(`${y}: unknown — ${textIn(d.reason, 'en')}`)
      break
  }
  if (d.type !== 'unknown') {
    const cited = sourceLine(d.rule.cite, 'en', names)
    lines.push(`Rule: ${d.rule.id} (${d.rule.kind})${cited ? `; ${cited}` : ''}`)
    const note = noteIn(d.rule.note, 'en')
    if (note) lines.push(`Note: ${note}`)
  }
  if (figure.provenance === 'derived')
    lines.push('How known: derived by SMA Desk from the agreement’s rule.')
  lines.push(publishedLineEn(figure, currency))
  return lines
}

function publishedLineEn(figure: YearFigure, currency: CurrencyCode): string {
  if (figure.published === null) {
    return figure.provenance === 'derived'
      ? `No published figure for ${figure.year} was located; the amount above is SMA Desk's derivation, not a published figure.`
      : `No separate published figure for ${figure.year} to compare with.`
  }
  const p = formatMoney(figure.published, currency)
  const what = figure.publishedProvenance === 'reported' ? 'press-reported' : 'published'
  if (figure.matchesPublished === true) return `Matches the ${what} ${p}`
  if (figure.matchesPublished === false) return `Differs from the ${what} ${p}`
  return `${what === 'published' ? 'Published' : 'Reported'}: ${p}`
}

function explainKo(figure: YearFigure, currency: CurrencyCode, names: ExplainNames): string[] {
  const d = figure.derivation
  const y = figure.year
  const lines: string[] = []
  const titleKo = (id: string): string | null => names.agreementTitle?.(id)?.ko ?? null
  switch (d.type) {
    case 'escalated': {
      lines.push(
        `${y}년 분담금은 ${ko(d.amount, currency)}입니다. 협정의 산정 방식에 따라 SMA Desk가 계산한 금액입니다.`,
      )
      if (d.base.from === 'schedule') {
        lines.push(`기준액은 전년도(${d.base.year}년) 분담금 ${ko(d.base.amount, currency)}입니다.`)
      } else {
        const t = titleKo(d.base.agreement)
        lines.push(
          `기준액은 ${t ? `${t}에 따른 ` : '직전 협정의 '}${d.base.year}년 분담금 ${ko(d.base.amount, currency)}(공표 금액)입니다.`,
        )
      }
      const r = d.rate
      if (r.kind === 'index') {
        const series = SERIES_KO[r.index.series]
        lines.push(
          `인상률에는 ${lagKo(r.lag)}(${r.index.period}년) ${series} ${formatPct(r.index.value, 'ko')}를 반영합니다.`,
        )
        if (r.cap.kind === 'rate') {
          lines.push(
            r.binding === 'cap'
              ? `이 값이 인상률 상한 ${formatPct(r.cap.pct, 'ko')}를 넘으므로 상한인 ${formatPct(r.cap.pct, 'ko')}를 적용합니다.`
              : `인상률 상한은 ${formatPct(r.cap.pct, 'ko')}이며, 이 연도에는 상한에 이르지 않습니다.`,
          )
        }
        if (r.floor.kind === 'rate') {
          lines.push(
            r.binding === 'floor'
              ? `이 값이 인상률 하한 ${formatPct(r.floor.pct, 'ko')}에 못 미치므로 하한인 ${formatPct(r.floor.pct, 'ko')}를 적용합니다.`
              : `인상률 하한은 ${formatPct(r.floor.pct, 'ko')}이며, 이 연도에는 하한이 적용되지 않습니다.`,
          )
        }
        if (r.index.override) {
          lines.push('이 지표 값은 사용자가 입력한 가정값이며, 공표된 통계가 아닙니다.')
        } else {
          const vintage = VINTAGE_KO[r.index.vintage] ?? '공표치'
          const by = sourceLine(r.index.sources, 'ko', names)
          lines.push(
            `지표 값은 ${vintage}${r.index.releasedOn ? `(${koreanDate(r.index.releasedOn)} 발표)` : ''}입니다${by ? `. 출처: ${by}` : ''}.`,
          )
        }
      } else if (r.kind === 'parts') {
        const parts = r.parts.map((p) => `${p.label.ko} ${formatPct(p.pct, 'ko')}`).join(', ')
        lines.push(`인상률은 협상으로 정한 ${parts}입니다.`)
      } else {
        lines.push(`인상률은 협정에서 정한 ${formatPct(r.pct, 'ko')}입니다.`)
      }
      lines.push(
        `인상을 반영한 금액 ${withParticle(exactKo(d.exact, currency), '을')} ${ko(d.rounding.step, currency)} 단위로 ${MODE_KO[d.rounding.mode]}하여 ${withParticle(ko(d.amount, currency), '이')} 됩니다.`,
      )
      if (d.rounding.basis === 'inferred')
        lines.push(
          `${ko(d.rounding.step, currency)} 단위 ${topic(MODE_KO[d.rounding.mode])} 확인된 협정문에 명시되어 있지 않으며, 공표 금액에 비추어 SMA Desk가 추론한 것입니다.`,
        )
      break
    }
    case 'stated': {
      lines.push(
        d.provenance === 'stated'
          ? `${y}년 분담금은 ${withParticle(ko(d.amount, currency), '으로')}, 협정문에 명시된 금액입니다.`
          : `${y}회계연도 금액은 ${withParticle(ko(d.amount, currency), '으로')}, ${d.provenance === 'published' ? '정부가 공표한' : '언론이 보도한'} 예산액입니다.`,
      )
      const by = sourceLine(d.sources, 'ko', names)
      if (by) lines.push(`출처: ${by}`)
      break
    }
    case 'pending': {
      const waits = d.waitingFor.map((w) => `${w.period}년 ${SERIES_KO[w.series]}`).join(', ')
      lines.push(
        waits
          ? `${y}년 분담금은 아직 산정할 수 없습니다. ${withParticle(waits, '이')} 발표된 후 산정됩니다.`
          : `${y}년 분담금은 아직 산정할 수 없습니다. 전년도 금액이 먼저 확정되어야 합니다.`,
      )
      break
    }
    case 'unknown': {
      const reason = noteIn(d.reason, 'ko')
      lines.push(`${y}년 금액은 확인되지 않았습니다.${reason ? ` ${reason}` : ''}`)
      break
    }
  }
  if (d.type !== 'unknown') {
    const note = noteIn(d.rule.note, 'ko')
    if (note) lines.push(`참고: ${note}`)
  }
  lines.push(publishedLineKo(figure, currency))
  return lines
}

function publishedLineKo(figure: YearFigure, currency: CurrencyCode): string {
  if (figure.published === null) {
    return figure.provenance === 'derived'
      ? `${figure.year}년 공표 금액은 확인되지 않았으므로, 위 금액은 공표 금액이 아니라 SMA Desk의 계산값입니다.`
      : `${figure.year}년에 대해 따로 비교할 공표 금액은 없습니다.`
  }
  const p = ko(figure.published, currency)
  const what = figure.publishedProvenance === 'reported' ? '언론 보도 금액' : '정부 공표 금액'
  if (figure.matchesPublished === true) return `${what} ${withParticle(p, '과')} 일치합니다.`
  if (figure.matchesPublished === false) return `${what} ${withParticle(p, '과')} 다릅니다.`
  return `${what}: ${p}`
}
