import { describe, expect, it } from 'vitest'
import {
  describeSource,
  nonCitableReason,
  provenanceOfSources,
  reportingCurrency,
} from '../domain/index.js'
import { figuresOf, supportFacts, type SupportFigure } from '../domain/host-support/schema.js'
import { shippedComparisonInputs, shippedJapanSupport } from './shipped-host-support.js'
import { shippedSnapshot } from './shipped-record.js'
import { shippedSources } from './shipped-sources.js'

const japan = shippedJapanSupport()
const inputs = shippedComparisonInputs()
const registry = shippedSources()
const OKU = 100_000_000n // the sources state amounts in 億円

const sum = (xs: readonly (SupportFigure | null)[]): bigint =>
  xs.reduce((s, f) => s + BigInt(f?.amount ?? '0'), 0n)

describe("Japan's yearly host-nation support (data/host-nation-support/japan.json)", () => {
  it('covers FY1987–FY2027 on one basis, each year tied to an agreement of the record', () => {
    expect(japan.years.map((y) => y.fy)).toEqual(Array.from({ length: 41 }, (_, i) => 1987 + i))
    const ids = new Set(shippedSnapshot().agreements.map((a) => a.id))
    for (const y of japan.years) if (y.agreement !== null) expect(ids).toContain(y.agreement)
    expect(japan.basis.ko).toContain('세출 기준')
  })

  it('knows the total for 28 of 41 fiscal years and says which are derived or estimated', () => {
    const known = japan.years.filter((y) => y.total !== null)
    expect(known.length).toBe(28)
    expect(known.filter((y) => y.total?.provenance === 'estimate').map((y) => y.fy)).toEqual([1998])
    expect(known.filter((y) => y.total?.provenance === 'derived').map((y) => y.fy)).toEqual([2017])
    expect(japan.years.filter((y) => y.inside.total !== null).map((y) => y.fy)).toEqual([
      1994, 2006, 2007, 2008, 2016, 2019, 2021,
    ])
  })

  it('lists every figure as a cited fact for `sma sources`', () => {
    const facts = supportFacts(japan)
    expect(facts).toHaveLength(japan.years.reduce((n, y) => n + figuresOf(y).length, 0))
    expect(facts.find((f) => f.fact === 'host-nation support FY2008 total')?.agreement).toBe(
      'jp-us-sma-2008',
    )
  })

  it('cites only citable sources, each described in the registry', () => {
    const urls = [
      ...japan.years.flatMap((y) => figuresOf(y).flatMap((f) => f.fig.sources)),
      ...inputs.exchangeRates.values.flatMap((v) => v.sources),
      ...inputs.troops.flatMap((v) => v.sources),
      ...inputs.defenseBudgets.flatMap((v) => v.sources),
    ]
    expect(urls.filter((u) => nonCitableReason(registry, u) !== null)).toEqual([])
    expect(urls.filter((u) => describeSource(registry, u).publisher === undefined)).toEqual([])
    // the Akahata page served from an odd host is cited under its normal path
    expect(urls.filter((u) => u.includes('yvn6x4'))).toEqual([])
  })

  it('gives a sourced figure the provenance its sources’ tiers give (the record’s rule)', () => {
    const off: string[] = []
    for (const y of japan.years)
      for (const { path, fig } of figuresOf(y))
        if (['published', 'reported', 'unsourced'].includes(fig.provenance)) {
          const want = provenanceOfSources(registry, fig.sources)
          if (want !== fig.provenance) off.push(`${y.fy} ${path}: ${fig.provenance} ≠ ${want}`)
        }
    expect(off).toEqual([])
  })

  it('cites no dated article that predates the budget it supports', () => {
    // A budget for FY n is first drafted in December of n − 1. An amount the agreement itself
    // sets (`stated`) is older by nature and is exempt.
    const early: string[] = []
    for (const y of japan.years)
      for (const { path, fig } of figuresOf(y)) {
        if (fig.provenance === 'stated') continue
        for (const u of fig.sources) {
          const d = describeSource(registry, u).published
          if (d && d < `${y.fy - 1}-12`) early.push(`${y.fy} ${path}: ${u} (${d})`)
        }
      }
    for (const t of [...inputs.troops, ...inputs.defenseBudgets])
      for (const u of t.sources) {
        const d = describeSource(registry, u).published
        if (d && d < `${t.year - 1}-12`) early.push(`${t.host} ${t.year}: ${u} (${d})`)
      }
    expect(early).toEqual([])
  })

  it('adds up: components to the inside total, inside and outside to the total (to the 億)', () => {
    for (const y of japan.years) {
      const parts = [
        y.inside.labor,
        y.inside.utilities,
        y.inside.trainingRelocation,
        ...(y.fy >= 2022 ? [y.inside.trainingEquipment] : []),
      ]
      // each part is rounded to 億 by its source: the sum may differ by half a unit per part
      if (y.inside.total && parts.every((p) => p !== null)) {
        const gap = sum(parts) - BigInt(y.inside.total.amount)
        expect(2n * (gap < 0n ? -gap : gap) <= BigInt(parts.length) * OKU, `${y.fy}`).toBe(true)
      }
      const outside = y.outside.total ?? (y.outside.fip && y.outside.welfare ? null : undefined)
      const out =
        outside === undefined
          ? null
          : outside
            ? BigInt(outside.amount)
            : sum([y.outside.fip, y.outside.welfare])
      if (y.total && y.inside.total && out !== null) {
        const gap = BigInt(y.inside.total.amount) + out - BigInt(y.total.amount)
        expect(2n * (gap < 0n ? -gap : gap) <= 3n * OKU, `${y.fy}`).toBe(true)
      }
      for (const { fig } of figuresOf(y)) {
        expect(BigInt(fig.amount) % OKU).toBe(0n)
        if (fig.range) {
          expect(BigInt(fig.range.min) <= BigInt(fig.amount)).toBe(true)
          expect(BigInt(fig.amount) <= BigInt(fig.range.max)).toBe(true)
        }
      }
    }
  })

  it("keeps the Japan agreements' published figures equal to the inside amounts", () => {
    for (const spec of shippedSnapshot().agreements.filter((a) => a.hostNation === 'JP')) {
      expect(reportingCurrency(spec)).toBe('JPY')
      for (const p of spec.published) {
        const y = japan.years.find((x) => x.fy === p.year)
        expect(y?.inside.total?.amount, `${spec.id} ${p.year}`).toBe(p.amount)
        expect(y?.agreement).toBe(spec.id)
      }
    }
  })
})

describe('comparison inputs (data/host-nation-support/comparison-inputs.json)', () => {
  it('hold one figure per host and year for troops and budgets, rates from one series', () => {
    const keys = (xs: readonly { host: string; year: number }[]) =>
      xs.map((x) => `${x.host}${x.year}`)
    expect(new Set(keys(inputs.troops)).size).toBe(inputs.troops.length)
    expect(new Set(keys(inputs.defenseBudgets)).size).toBe(inputs.defenseBudgets.length)
    const rates = inputs.exchangeRates.values.map((v) => `${v.currency}${v.year}`)
    expect(new Set(rates).size).toBe(rates.length)
    for (const v of inputs.exchangeRates.values)
      for (const u of v.sources) expect(u).toMatch(/federalreserve\.gov/)
  })
})
