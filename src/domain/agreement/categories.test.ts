import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { categoryAmounts, categoryRows, laborRulesHold, splitByCategories } from './categories.js'
import { loadRecord, shippedAgreement } from '../../record/shipped-record.js'
import { evaluateSchedule } from './evaluate.js'
import { publishedLookup } from '../record/record.js'
import type { AgreementSpec } from './spec.js'

const record = loadRecord()
const spec = shippedAgreement

describe('cost categories', () => {
  it('published splits (2015, 2018, 2019) sum to the year totals', () => {
    const ctx = {
      indices: record.indices,
      overrides: [],
      publishedOf: publishedLookup(record.agreements),
    }
    for (const [id, year] of [
      ['rok-us-sma-09', 2015],
      ['rok-us-sma-09', 2018],
      ['rok-us-sma-10', 2019],
    ] as const) {
      const parts = categoryAmounts(spec(id), year, 'KRW')
      expect(parts, `${id} ${year}`).not.toBeNull()
      const sum = Object.values(parts ?? {}).reduce((a, b) => a + b, 0n)
      const total = evaluateSchedule(spec(id), ctx).years.find((y) => y.year === year)?.amount
      expect(sum.toString()).toBe(total)
    }
  })

  it('a split by published shares always sums to the total (property)', () => {
    const shares = categoryAmounts(spec('rok-us-sma-09'), 2018, 'KRW') ?? {}
    fc.assert(
      fc.property(fc.bigInt(0n, 10n ** 14n), (total) => {
        const split = splitByCategories(total, shares, 'construction')
        expect(Object.values(split).reduce((a, b) => a + b, 0n)).toBe(total)
      }),
      { numRuns: 5000, seed: 1 },
    )
  })

  it('the remainder goes to the named category first', () => {
    expect(
      splitByCategories(100n, { labor: 1n, construction: 1n, logistics: 1n }, 'construction'),
    ).toEqual({
      construction: 34n,
      labor: 33n,
      logistics: 33n,
    })
  })

  it('labor rules: 9th SMA at most 75 %, 11th at least 85 % (mandatory; 87 % with the 2 % endeavour share)', () => {
    expect(laborRulesHold(spec('rok-us-sma-09'), 75n, 100n)).toBe(true)
    expect(laborRulesHold(spec('rok-us-sma-09'), 751n, 1000n)).toBe(false)
    expect(laborRulesHold(spec('rok-us-sma-11'), 85n, 100n)).toBe(true)
    expect(laborRulesHold(spec('rok-us-sma-11'), 849n, 1000n)).toBe(false)
    expect(() => laborRulesHold(spec('rok-us-sma-11'), 1n, 0n)).toThrow(/positive/)
  })
})

describe('category rows', () => {
  it('gives the 2015 split with its total and shares in tenths of a percent', () => {
    const [row] = categoryRows(spec('rok-us-sma-09')).filter((r) => r.year === 2015)
    expect(row?.total).toBe(932_000_000_000n)
    expect(row?.parts.labor).toBe(349_000_000_000n)
    expect(row?.shareTenths).toEqual({ labor: 374n, construction: 445n, logistics: 180n })
  })
  it('shares of a split add up to 1000 ± the rounding of each part (property)', () => {
    for (const a of record.agreements)
      for (const r of categoryRows(a)) {
        const sum = Object.values(r.shareTenths).reduce((x, y) => x + y, 0n)
        const n = BigInt(Object.keys(r.shareTenths).length)
        if (r.total > 0n) expect(sum >= 1000n - n && sum <= 1000n + n).toBe(true)
      }
  })
})

describe('categories on made-up splits', () => {
  const sma09 = spec('rok-us-sma-09')
  const cats = sma09.categories
  if (!cats) throw new Error('the 9th SMA has no categories')
  const withCategories = (c: Partial<NonNullable<AgreementSpec['categories']>> | null) =>
    ({ ...sma09, categories: c === null ? null : { ...cats, ...c } }) as AgreementSpec

  it('an agreement or a year without a published split has none', () => {
    expect(categoryAmounts(withCategories(null), 2015, 'KRW')).toBeNull()
    expect(categoryAmounts(sma09, 2014, 'KRW')).toBeNull()
    expect(categoryRows(withCategories(null))).toEqual([])
  })

  it('serves the named category first on equal remainders, wherever it stands', () => {
    const w = { labor: 1n, construction: 1n, logistics: 1n }
    expect(splitByCategories(100n, w, 'labor')).toEqual({
      labor: 34n,
      construction: 33n,
      logistics: 33n,
    })
    expect(splitByCategories(100n, w, 'logistics')).toEqual({
      labor: 33n,
      construction: 33n,
      logistics: 34n,
    })
    // a named category the weights do not list takes nothing and is not added
    expect(splitByCategories(101n, w, 'cdip')).toEqual({
      labor: 34n,
      construction: 34n,
      logistics: 33n,
    })
    expect(splitByCategories(101n, w, 'logistics')).toEqual({
      labor: 34n,
      construction: 33n,
      logistics: 34n,
    })
  })

  it('without labor rules any share holds; with both, both must hold', () => {
    expect(laborRulesHold(withCategories(null), 1n, 100n)).toBe(true)
    const both = withCategories({
      laborRules: [
        { kind: 'max-share-of-labor-cost', pct: '90', sources: [] },
        { kind: 'min-share-of-labor-cost', pct: '80', sources: [] },
      ],
    })
    expect(laborRulesHold(both, 85n, 100n)).toBe(true)
    expect(laborRulesHold(both, 95n, 100n)).toBe(false)
    expect(laborRulesHold(both, 75n, 100n)).toBe(false)
  })

  it('a category missing from a split has no amount and no share; an all-zero split no shares', () => {
    const rows = categoryRows(
      withCategories({
        codes: ['labor', 'construction', 'cdip'],
        amounts: [
          { year: 2015, parts: { labor: '300', construction: '100' }, sources: [] },
          { year: 2016, parts: { labor: '0', construction: '0' }, sources: [] },
        ],
      }),
    )
    expect(rows).toEqual([
      {
        year: 2015,
        parts: { labor: 300n, construction: 100n, cdip: null },
        total: 400n,
        shareTenths: { labor: 750n, construction: 250n },
      },
      {
        year: 2016,
        parts: { labor: 0n, construction: 0n, cdip: null },
        total: 0n,
        shareTenths: {},
      },
    ])
  })
})
