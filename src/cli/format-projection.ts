import { formatTable } from './table.js'
import type { ModelReport, ProjectionResult, Quantiles } from '../domain/projection/index.js'

const SPARK = '▁▂▃▄▅▆▇█'

/**
 * A number with `maxDigits` decimals (at least `minDigits`, trailing zeros dropped between) and
 * commas between thousands, as `toLocaleString('en-US')` writes it, without loading ICU's number
 * formats into a one-shot CLI run. Like Intl, it rounds the number's shortest decimal form
 * (0.15 → "0.2", where `toFixed` gives "0.1"), halves away from zero.
 *
 * Example: `grouped(1519.25, 1, 1)` → "1,519.3"; `grouped(1234567)` → "1,234,567".
 */
export function grouped(v: number, minDigits = 0, maxDigits = 0): string {
  const shortest = String(Math.abs(v))
  if (!Number.isFinite(v) || shortest.includes('e')) {
    return v.toLocaleString('en-US', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    })
  }
  const [intText = '0', fracText = ''] = shortest.split('.')
  // decimal digits rounded half up at maxDigits, as a digit string (no binary rounding)
  const digits = (intText + fracText.padEnd(maxDigits + 1, '0').slice(0, maxDigits + 1)).split('')
  const roundUp = Number(digits.pop()) >= 5
  let i = digits.length - 1
  while (roundUp && i >= 0) {
    if (digits[i] === '9') {
      digits[i] = '0'
      i--
    } else {
      digits[i] = String(Number(digits[i]) + 1)
      break
    }
  }
  if (roundUp && i < 0) digits.unshift('1')
  const int = digits.slice(0, digits.length - maxDigits).join('') || '0'
  let frac = digits.slice(digits.length - maxDigits).join('')
  while (frac.length > minDigits && frac.endsWith('0')) frac = frac.slice(0, -1)
  const sign = v < 0 || Object.is(v, -0) ? '-' : '' // Intl keeps the sign of a rounded zero
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === '' ? '' : `.${frac}`}`
}

/** Minor units as billions of the major unit with one decimal, grouped: "1,519.2". */
export function billions(minor: string, exponent = 0): string {
  return grouped(Number(minor) / 10 ** exponent / 1e9, 1, 1)
}

/** A one-line sparkline of counts. */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(1, ...counts)
  return counts
    .map((c) => (c === 0 ? ' ' : (SPARK[Math.min(7, Math.floor((c / max) * 7.999))] ?? ' ')))
    .join('')
}

/**
 * An ASCII fan cell: P5–P95 as ─, P25–P75 as █, P50 as │, on a shared [lo, hi] axis.
 * @example fanCell({p5:'0',p25:'25',p50:'50',p75:'75',p95:'100',mean:'50'}, 0, 100, 10) // "──██│██───"
 */
export function fanCell(q: Quantiles, lo: number, hi: number, width: number): string {
  const pos = (v: string): number =>
    hi === lo
      ? 0
      : Math.min(width - 1, Math.max(0, Math.round(((Number(v) - lo) / (hi - lo)) * (width - 1))))
  const cells = Array.from({ length: width }, () => ' ')
  for (let i = pos(q.p5); i <= pos(q.p95); i++) cells[i] = '─'
  for (let i = pos(q.p25); i <= pos(q.p75); i++) cells[i] = '█'
  cells[pos(q.p50)] = '│'
  return cells.join('')
}

function pct(p: number | null): string {
  return p === null ? '' : `${(p * 100).toFixed(1)} %`
}

function describeModel(m: ModelReport): string {
  const periods = `${m.periods[0] ?? ''}–${m.periods.at(-1) ?? ''}`
  if (m.model === 'ar1') {
    const p = m.params
    const fit = m.fit
      ? `fitted (OLS) ${m.fit.from}–${m.fit.to}, ${m.fit.pairs} pairs`
      : 'stated parameters'
    const post = m.parameters === 'posterior' ? ', parameters drawn per path (posterior)' : ''
    return `${m.series} ${periods}: AR(1) ${fit}${post}: c=${p.c.toFixed(3)} φ=${p.phi.toFixed(3)} σ=${p.sigma.toFixed(3)} mean=${p.mean === null ? '—' : p.mean.toFixed(2)} %; starts from ${m.start.period} = ${m.start.value} %`
  }
  if (m.model === 'random-walk') {
    const post = m.parameters === 'posterior' ? ', σ drawn per path (posterior)' : ''
    return `${m.series} ${periods}: random walk, σ of yearly changes ${m.fit.from}–${m.fit.to} (${m.fit.pairs} pairs) = ${m.params.sigma.toFixed(3)}${post}; starts from ${m.start.period} = ${m.start.value} %`
  }
  if (m.model === 'block-bootstrap') {
    return `${m.series} ${periods}: moving block bootstrap of ${m.fit.from}–${m.fit.to}, blocks of ${m.blockLength} years (${m.blocks} blocks)`
  }
  return `${m.series} ${periods}: scenario path ${Object.entries(m.values)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`
}

/** The human report of `sma project`: one table per agreement, then comparisons. */
export function formatProjection(r: ProjectionResult): string {
  const out: string[] = []
  const mc = r.mode === 'monte-carlo'
  out.push(
    `scenario ${r.scenario.id} v${r.scenario.version} (${r.scenario.title.en}); ${
      mc ? `Monte Carlo, ${grouped(r.paths)} paths, seed ${r.seed}` : 'deterministic'
    }`,
  )
  for (const m of r.models) out.push(`  ${describeModel(m)}`)
  const c = r.correlation
  if (c) {
    out.push(
      `  shocks of ${c.series[0]} and ${c.series[1]} drawn jointly: correlation ${c.rho.toFixed(2)} (95 % interval ${c.interval95[0].toFixed(2)} to ${c.interval95[1].toFixed(2)}; residuals ${c.from}–${c.to}, ${c.pairs} pairs)`,
    )
  }
  for (const p of r.projections) {
    const exp = p.currency === 'USD' ? 2 : 0
    const unit = p.currency === 'USD' ? 'USD m' : `${p.currency} bn`
    out.push('', `${p.agreement.id}: ${p.agreement.title.en}   (amounts in ${unit})`)
    const qs = p.years.flatMap((y) => (y.nominal ? [y.nominal] : []))
    const lo = Math.min(...qs.map((q) => Number(q.p5)))
    const hi = Math.max(...qs.map((q) => Number(q.p95)))
    const header = [
      'year',
      'status',
      'P5',
      'P25',
      'P50',
      'P75',
      'P95',
      'mean',
      'cap binds',
      'fan P5─[P25█│P50█P75]─P95',
    ]
    const rows = p.years.map((y) => {
      const q = y.nominal
      const f = (v: string | undefined): string =>
        v === undefined
          ? '—'
          : p.currency === 'USD'
            ? (Number(v) / 1e8).toFixed(1)
            : billions(v, exp)
      if (!q) return [String(y.year), y.status, '—', '—', '—', '—', '—', '—', '', '']
      return [
        String(y.year),
        y.status,
        f(q.p5),
        f(q.p25),
        f(q.p50),
        f(q.p75),
        f(q.p95),
        f(q.mean),
        pct(y.capBinds),
        fanCell(q, lo, hi, 28),
      ]
    })
    out.push(
      formatTable(header, rows, [
        false,
        false,
        true,
        true,
        true,
        true,
        true,
        true,
        true,
        false,
      ]).trimEnd(),
    )
    for (const y of p.years) {
      if (y.exact !== null)
        out.push(
          `  ${y.year} exact: ${grouped(Number(y.exact))} (${y.status === 'fixed' ? 'fixed by published inputs' : 'scenario value'})`,
        )
    }
    if (p.total) {
      const t = p.total.nominal
      out.push(
        `  total over the term: P5 ${billions(t.p5, exp)}  P50 ${billions(t.p50, exp)}  P95 ${billions(t.p95, exp)}  mean ${billions(t.mean, exp)}`,
        `  real (${r.scenario.deflatorBaseYear} prices) mean ${billions(p.total.realMean, exp)}; USD mean ${grouped(Number(p.total.usdMean) / 100 / 1e6, 0, 1)} m`,
      )
      if (mc) {
        out.push(
          `  distribution of the total: ${billions(p.total.histogram.lower[0] ?? '0', exp)} ${sparkline(p.total.histogram.counts)} ${billions(String(Number(p.total.histogram.lower.at(-1) ?? '0') + Number(p.total.histogram.width)), exp)}`,
        )
      }
    }
  }
  for (const c of r.comparisons) {
    out.push(
      '',
      `difference ${c.a} − ${c.b}  (${r.projections[0]?.currency ?? ''} bn; negative: ${c.a} costs less)`,
    )
    out.push(
      formatTable(
        ['year', 'P5', 'P25', 'P50', 'P75', 'P95', 'mean', `P(${c.a} higher)`],
        c.years.map((y) => [
          String(y.year),
          billions(y.difference.p5),
          billions(y.difference.p25),
          billions(y.difference.p50),
          billions(y.difference.p75),
          billions(y.difference.p95),
          billions(y.difference.mean),
          pct(y.pAHigher),
        ]),
        [false, true, true, true, true, true, true, true],
      ).trimEnd(),
    )
    if (c.total) {
      const d = c.total.difference
      out.push(
        `  total over the term: P5 ${billions(d.p5)}  P25 ${billions(d.p25)}  P50 ${billions(d.p50)}  P75 ${billions(d.p75)}  P95 ${billions(d.p95)}  mean ${billions(d.mean)}`,
        `  P(${c.a} costs more) = ${pct(c.total.pAHigher)}; P(${c.b} costs more) = ${pct(c.total.pBHigher)}; P(equal) = ${pct(c.total.pEqual)}`,
      )
      if (mc)
        out.push(
          `  distribution of the difference: ${billions(c.total.histogram.lower[0] ?? '0')} ${sparkline(c.total.histogram.counts)} ${billions(String(Number(c.total.histogram.lower.at(-1) ?? '0') + Number(c.total.histogram.width)))}`,
        )
    }
  }
  return `${out.join('\n')}\n`
}
