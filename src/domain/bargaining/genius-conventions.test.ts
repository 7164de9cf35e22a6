import { describe, expect, it } from 'vitest'
import { analyzeNegotiation, analyzeUtilities } from './analyze-negotiation.js'
import { enumerateUtilities } from './enumerate-utilities.js'
import { geniusOpposition, geniusSolutions, GENIUS_REAL_STEPS } from './genius-conventions.js'
import { parseGeniusDomain, parseGeniusProfile, writeGeniusProfile } from './genius-xml.js'
import { createOutcomeSpace, geniusIterationPosition, issueValue } from './outcome-space.js'
import { paretoFrontier } from './pareto-frontier.js'
import { triangular } from './utility-function.js'

const f64 = (xs: number[]) => Float64Array.from(xs)

describe('exact frontier (tolerance 0, the GENIUS convention)', () => {
  it('keeps float noise: 0.1 + 0.2 is a point of its own, and dominates 0.3 at equal u_B', () => {
    const a = f64([0.3, 0.1 + 0.2, 0.9])
    const b = f64([0.5, 0.5, 0.1])
    const merged = paretoFrontier(a, b)
    expect(merged.points).toHaveLength(2)
    expect(merged.outcomeCount).toBe(3)
    const exact = paretoFrontier(a, b, { tolerance: 0 })
    expect(exact.points.map((p) => p.outcome)).toEqual([1, 2])
    expect(exact.outcomeCount).toBe(2)
  })

  it('represents a point of equal bids by the lowest rank when an order is given', () => {
    const a = f64([0.5, 0.5, 0.5])
    const b = f64([0.5, 0.5, 0.5])
    expect(paretoFrontier(a, b, { tolerance: 0 }).points[0]?.outcome).toBe(0)
    const reversed = paretoFrontier(a, b, { tolerance: 0, order: (o) => -o })
    expect(reversed.points[0]).toMatchObject({ outcome: 2, count: 3 })
  })
})

describe('GENIUS 10.4 solutions', () => {
  const frontier = (pts: [number, number][]) =>
    paretoFrontier(f64(pts.map((p) => p[0])), f64(pts.map((p) => p[1])), { tolerance: 0 })

  it('finds a Nash point when no outcome is individually rational (raw products)', () => {
    const fr = frontier([
      [0.2, 0.9],
      [0.5, 0.4],
    ])
    const g = geniusSolutions(fr, [0.6, 0.6])
    expect(g.nash?.utility).toEqual([0.5, 0.4])
    expect(g.nash?.score).toBeCloseTo(0.02, 15)
    expect(g.equalUtility?.utility).toEqual([0.5, 0.4])
    expect(g.kalaiSmorodinsky).toEqual(g.equalUtility)
    // the default convention finds no rational point, hence no solution
    const d = analyzeUtilities(f64([0.2, 0.5]), f64([0.9, 0.4]), [0.6, 0.6])
    expect(d.nash).toBeNull()
    const gd = analyzeUtilities(f64([0.2, 0.5]), f64([0.9, 0.4]), [0.6, 0.6], {
      convention: 'genius',
    })
    expect(gd.nash?.utility).toEqual([0.5, 0.4])
    expect(gd.tolerance).toBe(0)
    expect(gd.convention).toBe('genius')
  })

  it('takes the first point in ascending u_A among exact ties, and none when no product exceeds −1', () => {
    const fr = frontier([
      [0.2, 0.8],
      [0.8, 0.2],
    ])
    const g = geniusSolutions(fr, [0, 0])
    expect(g.nash).toMatchObject({ utility: [0.2, 0.8], ties: 2 })
    expect(g.equalUtility).toMatchObject({ utility: [0.2, 0.8], ties: 2 })
    expect(geniusSolutions(frontier([[0, 1]]), [1, 0]).nash).toBeNull()
  })

  it('measures opposition as GENIUS does: √(0 + (k_A − 1)² + (k_B − 1)²)', () => {
    const fr = frontier([
      [0.2, 1],
      [0.7, 0.7],
      [1, 0.3],
    ])
    expect(geniusOpposition(fr)).toBe(Math.sqrt(0 + 0.30000000000000004 ** 2 * 2))
    expect(geniusOpposition(frontier([]))).toBeNull()
  })
})

describe('reading GENIUS files the way GENIUS 10.4 does', () => {
  it('orders outcomes as its BidIterator (first issue fastest)', () => {
    const space = createOutcomeSpace('d', [
      { kind: 'discrete', name: 'a', values: ['x', 'y', 'z'] },
      { kind: 'discrete', name: 'b', values: ['p', 'q', 'r', 's'] },
    ])
    const pos = geniusIterationPosition(space)
    expect([0, 1, 4, 7, 11].map(pos)).toEqual([0, 3, 1, 10, 11])
  })

  it('splits real issues into 21 values placed with its float arithmetic', () => {
    const xml = `<negotiation_template><utility_space><objective index="0" name="d">
      <issue index="1" name="r" type="real" etype="real"><range lowerbound="0.3" upperbound="0.9"/></issue>
    </objective></utility_space></negotiation_template>`
    const g = parseGeniusDomain(xml, { convention: 'genius' })
    const issue = g.issues[0]
    if (issue?.kind !== 'real') throw new Error('not real')
    expect(g.size).toBe(GENIUS_REAL_STEPS)
    expect(issueValue(issue, 20)).toBe(0.3 + ((0.9 - 0.3) / 20) * 20)
    expect(issueValue(issue, 20)).toBe(0.9000000000000001) // GENIUS: one ulp above the bound
    const d = parseGeniusDomain(xml)
    expect(d.size).toBe(11)
    expect(issueValue(d.issues[0]!, 10)).toBe(0.9)
  })

  it('evaluates triangular real evaluators and writes them back', () => {
    expect([2, 4, 7, 10, -1].map((x) => triangular(x, 0, 10, 4))).toEqual([0.5, 1, 0.5, 0, 0])
    const domain = `<negotiation_template><utility_space><objective index="0" name="d">
      <issue index="1" name="r" type="real" etype="real"><range lowerbound="0" upperbound="10"/></issue>
      <issue index="2" name="c" type="real" etype="real"><range lowerbound="0" upperbound="1"/></issue>
    </objective></utility_space></negotiation_template>`
    const space = parseGeniusDomain(domain, { convention: 'genius' })
    const profile = `<utility_space><objective index="0" name="d">
      <issue index="1" name="r" type="real" etype="real"><range lowerbound="0" upperbound="10"/>
        <evaluator ftype="triangular" parameter0="0" parameter1="10" parameter2="4"/></issue>
      <issue index="2" name="c" type="real" etype="real"><range lowerbound="0" upperbound="1"/>
        <evaluator ftype="constant" parameter0="0.25"/></issue>
      <weight index="1" value="0.8"/><weight index="2" value="0.2"/>
    </objective></utility_space>`
    const p = parseGeniusProfile(profile, space, 'p')
    const u = enumerateUtilities(space, p.utility)
    // r = 4 (value 8 of 21, c any) → 0.8·1 + 0.2·0.25
    expect(u[8 * 21]).toBe(0 + 0.8 * 1 + 0.2 * 0.25)
    const again = parseGeniusProfile(writeGeniusProfile(space, p), space, 'p')
    expect(enumerateUtilities(space, again.utility)).toEqual(u)
  })

  it('gives a label the domain lists twice its evaluation at both places, and reads run-together attributes', () => {
    const domain = `<negotiation_template><utility_space><objective index="0" name="d">
      <issue index="1" name="day" type="discrete"etype="discrete"><item index="1" value="Mon"/><item index="2" value="Tue"/><item index="3" value="Tue"/></issue>
    </objective></utility_space></negotiation_template>`
    const space = parseGeniusDomain(domain, { convention: 'genius' })
    const profile = `<utility_space><objective index="0" name="d">
      <issue index="1" name="day" type="discrete"><item value="Mon" evaluation="1"/><item value="Tue" evaluation="4"/></issue>
      <weight index="1" value="1"/></objective></utility_space>`
    const u = enumerateUtilities(space, parseGeniusProfile(profile, space, 'p').utility)
    expect(Array.from(u)).toEqual([0.25, 1, 1])
  })

  it('analyses under the genius convention with GENIUS’s representative bid', () => {
    const domain = `<negotiation_template><utility_space><objective index="0" name="d">
      <issue index="1" name="a" type="discrete"><item value="x"/><item value="y"/></issue>
      <issue index="2" name="b" type="discrete"><item value="p"/><item value="q"/></issue>
    </objective></utility_space></negotiation_template>`
    const space = parseGeniusDomain(domain, { convention: 'genius' })
    const flat = `<utility_space><objective index="0" name="d">
      <issue index="1" name="a" type="discrete"><item value="x" evaluation="1"/><item value="y" evaluation="1"/></issue>
      <issue index="2" name="b" type="discrete"><item value="p" evaluation="1"/><item value="q" evaluation="1"/></issue>
      <weight index="1" value="0.5"/><weight index="2" value="0.5"/></objective></utility_space>`
    const a = parseGeniusProfile(flat, space, 'A')
    const { analysis } = analyzeNegotiation(space, [a, a], 'genius')
    expect(analysis.frontier.outcomeCount).toBe(4)
    // every bid ties; GENIUS's first bid is (x, p), then (y, p): outcome 0 either way
    expect(analysis.nash?.outcome).toBe(0)
    expect(analysis.nash?.outcomes).toBe(4)
  })
})
