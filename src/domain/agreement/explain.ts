import { formatKrwKorean, formatMoney, formatPct } from '../money/format.js'
import type { CurrencyCode } from '../money/currency.js'
import type { Derivation, YearFigure } from './evaluate.js'

export type Lang = 'en' | 'ko'

const MODE_EN: Record<string, string> = {
  'half-up': 'round half-up',
  'half-even': 'round half-even',
  floor: 'round down',
  ceil: 'round up',
  truncate: 'truncate',
}
const MODE_KO: Record<string, string> = {
  'half-up': '반올림',
  'half-even': '짝수 반올림',
  floor: '내림',
  ceil: '올림',
  truncate: '절사',
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
 * The derivation of one yearly figure in plain words: a headline formula and the lines behind
 * it (rule, inputs with sources and vintages, unrounded value, rounding, cap or floor).
 * @example
 * explainYear(fig2027, 'KRW', 'en')[0]
 * // "2027 = round half-up to ₩100,000,000 of ₩1,519,200,000,000 × (1 + min(2.1 %, 5.0 %)) = ₩1,551,100,000,000"
 */
export function explainYear(figure: YearFigure, currency: CurrencyCode, lang: Lang): string[] {
  const money = (m: string): string =>
    lang === 'ko' && currency === 'KRW'
      ? `${formatMoney(m, currency)} (${formatKrwKorean(m)})`
      : formatMoney(m, currency)
  const d = figure.derivation
  const y = figure.year
  const lines: string[] = []
  const ko = lang === 'ko'
  switch (d.type) {
    case 'escalated': {
      const step =
        ko && currency === 'KRW'
          ? formatKrwKorean(d.rounding.step)
          : formatMoney(d.rounding.step, currency)
      const formula = `${formatMoney(d.base.amount, currency)} × (1 + ${rateExpression(d)})`
      lines.push(
        ko
          ? `${y}년 = ${formula}를 ${step} 단위로 ${MODE_KO[d.rounding.mode] ?? d.rounding.mode} = ${money(d.amount)}`
          : `${y} = ${MODE_EN[d.rounding.mode] ?? d.rounding.mode} to ${step} of ${formula} = ${formatMoney(d.amount, currency)}`,
      )
      lines.push(
        ko
          ? `기준액: ${d.base.agreement} ${d.base.year}년 ${money(d.base.amount)} (${d.base.from === 'schedule' ? '이 계산의 전년도 값' : '공표된 금액'})`
          : `Base: ${d.base.agreement} ${d.base.year}, ${formatMoney(d.base.amount, currency)} (${d.base.from === 'schedule' ? "this computation's previous year" : 'published figure'})`,
      )
      const r = d.rate
      if (r.kind === 'index') {
        const src = r.index.override
          ? ko
            ? '가정값(what-if)'
            : 'what-if value'
          : `${r.index.vintage}${r.index.releasedOn ? `, ${r.index.releasedOn}` : ''}; ${r.index.sources.slice(0, 2).join(', ')}`
        lines.push(
          ko
            ? `지수: ${r.index.series} ${r.index.period}년 = ${formatPct(r.index.value)} (시차 ${r.lag}년; ${src})`
            : `Index: ${r.index.series} ${r.index.period} = ${formatPct(r.index.value)} (lag ${r.lag}; ${src})`,
        )
        if (r.cap.kind === 'rate') {
          lines.push(
            r.binding === 'cap'
              ? ko
                ? `상한 ${formatPct(r.cap.pct)} 적용됨 (상한이 구속력 있음)`
                : `Cap ${formatPct(r.cap.pct)} was binding`
              : ko
                ? `상한 ${formatPct(r.cap.pct)} 미적용`
                : `Cap ${formatPct(r.cap.pct)} not binding`,
          )
        } else {
          lines.push(ko ? '상한 없음' : 'No cap')
        }
        if (r.floor.kind === 'rate') {
          lines.push(
            r.binding === 'floor'
              ? ko
                ? `하한 ${formatPct(r.floor.pct)} 적용됨`
                : `Floor ${formatPct(r.floor.pct)} was binding`
              : ko
                ? `하한 ${formatPct(r.floor.pct)} 미적용`
                : `Floor ${formatPct(r.floor.pct)} not binding`,
          )
        }
      } else if (r.kind === 'parts') {
        for (const p of r.parts) lines.push(`${formatPct(p.pct)}: ${p.label[lang]}`)
      } else {
        lines.push(ko ? `고정 인상률 ${formatPct(r.pct)}` : `Fixed rate ${formatPct(r.pct)}`)
      }
      lines.push(ko ? `반올림 전 값: ${d.exact}` : `Unrounded: ${d.exact}`)
      break
    }
    case 'stated':
      lines.push(
        ko
          ? `${y}년 = ${money(d.amount)} (협상으로 정한 금액, 규칙 ${d.rule.id})`
          : `${y} = ${formatMoney(d.amount, currency)} (negotiated amount, rule ${d.rule.id})`,
      )
      if (d.components) {
        lines.push(
          (ko ? '구성: ' : 'Components: ') +
            d.components.map((c) => `${c.currency} ${c.amount}`).join(' + '),
        )
      }
      lines.push((ko ? '출처: ' : 'Sources: ') + d.sources.join(', '))
      break
    case 'pending':
      lines.push(
        ko
          ? `${y}년: 미정 — ${d.waitingFor.map((w) => `${w.series} ${w.period}년`).join(', ') || '전년도 값'} 필요`
          : `${y}: pending — ${d.reason}`,
      )
      break
    case 'unknown':
      lines.push(ko ? `${y}년: 알 수 없음 — ${d.reason}` : `${y}: unknown — ${d.reason}`)
      break
  }
  if (d.type !== 'unknown') {
    lines.push(
      (ko ? '규칙: ' : 'Rule: ') +
        `${d.rule.id} (${d.rule.kind}); ${d.rule.cite.slice(0, 3).join(', ')}`,
    )
    if (d.rule.note) lines.push((ko ? '주: ' : 'Note: ') + d.rule.note)
  }
  if (figure.published !== null) {
    const p = formatMoney(figure.published, currency)
    lines.push(
      figure.matchesPublished === true
        ? ko
          ? `공표 금액 ${p}와 일치`
          : `Matches the published ${p}`
        : figure.matchesPublished === false
          ? ko
            ? `공표 금액 ${p}와 다름`
            : `Differs from the published ${p}`
          : ko
            ? `공표 금액 ${p}`
            : `Published: ${p}`,
    )
  }
  return lines
}
