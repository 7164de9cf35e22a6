import { describe, expect, it } from 'vitest'
import { prepareSimulation, simulateNegotiation } from './simulate-negotiation.js'
import { negotiatorByName, timeDependentTarget } from './negotiator-spec.js'
import { runTournament } from './run-tournament.js'
import { datedDeadline } from './dated-deadline.js'
import { createRng } from './create-rng.js'
import { syntheticScenario } from './synthetic-scenario.js'
import { analyzeNegotiation } from './analyze-negotiation.js'
import { buildOfferIndex, lowerBound } from './offer-index.js'

const { space, profiles } = syntheticScenario(4, 5, createRng(7), [0.2, 0.2])
const { analysis, utilities } = analyzeNegotiation(space, profiles)
const scenario = prepareSimulation(space, utilities, analysis.reservation, [0.9, null])
const run = (a: string, b: string, rounds = 200, seed = 1) =>
  simulateNegotiation(scenario, [negotiatorByName(a), negotiatorByName(b)], {
    rounds,
    rng: createRng(seed),
  })

describe('offer index', () => {
  it('sorts outcomes by utility and binary-searches a target', () => {
    const idx = buildOfferIndex(Float64Array.of(0.5, 0.1, 0.9, 0.5))
    expect(Array.from(idx.order)).toEqual([1, 0, 3, 2])
    expect(lowerBound(idx.sorted, 0.4)).toBe(1)
    expect(lowerBound(idx.sorted, 1)).toBe(4)
  })
  it('is exactly sorted on a large random vector', () => {
    const rng = createRng(3)
    const u = Float64Array.from({ length: 20000 }, () => rng.next())
    const idx = buildOfferIndex(u)
    let ok = true
    for (let j = 1; j < u.length; j++) if (idx.sorted[j]! < idx.sorted[j - 1]!) ok = false
    expect(ok).toBe(true)
  })
})

describe('strategies', () => {
  it('time-dependent targets: Boulware concedes late, Conceder early', () => {
    expect(timeDependentTarget(1, 0.5, 0.2, 1)).toBeCloseTo(0.6, 15)
    expect(timeDependentTarget(0.2, 0.5, 0, 1)).toBeCloseTo(1 - 0.5 ** 5, 15)
    expect(timeDependentTarget(2, 0.5, 0, 1)).toBeCloseTo(1 - Math.sqrt(0.5), 15)
    expect(timeDependentTarget(0, 0.9, 0, 1)).toBe(1)
  })
  it('parses names and acceptance suffixes; rejects unknown ones', () => {
    expect(negotiatorByName('boulware+ac-const:0.8').acceptance).toEqual({
      kind: 'const',
      threshold: 0.8,
    })
    expect(negotiatorByName('time:3').strategy).toEqual({ kind: 'time-dependent', exponent: 3 })
    expect(negotiatorByName('tit-for-tat').strategy).toEqual({ kind: 'tit-for-tat', factor: 1 })
    expect(() => negotiatorByName('greedy')).toThrow(/unknown strategy "greedy"/)
    expect(() => negotiatorByName('linear+ac-maybe')).toThrow(/unknown acceptance rule/)
  })
})

describe('simulateNegotiation', () => {
  it('is deterministic for a seed', () => {
    expect(run('boulware', 'conceder', 300, 5)).toEqual(run('boulware', 'conceder', 300, 5))
  })

  it('Boulware vs Conceder agrees, rationally, earlier than Boulware vs Boulware', () => {
    const bc = run('boulware', 'conceder')
    const bb = run('boulware', 'boulware')
    expect(bc.agreement).not.toBeNull()
    expect(bb.agreement).not.toBeNull()
    expect(bc.agreement!.round).toBeLessThan(bb.agreement!.round)
    for (const r of [bc, bb]) {
      expect(r.agreement!.utility[0]).toBeGreaterThanOrEqual(analysis.reservation[0])
      expect(r.agreement!.utility[1]).toBeGreaterThanOrEqual(analysis.reservation[1])
      expect(r.agreement!.discountedUtility[0]).toBeCloseTo(
        r.agreement!.utility[0] * 0.9 ** r.agreement!.time,
        12,
      )
      expect(r.agreement!.discountedUtility[1]).toBe(r.agreement!.utility[1])
    }
  })

  it('time-dependent offers follow the target: at or above it, within the candidate band', () => {
    const r = run('linear', 'linear')
    expect(r.concession[0].concession).toBeGreaterThan(0)
    const own = r.offers.filter((o) => o.party === 0).map((o) => o.utility[0])
    let violations = 0
    // candidates lie in [target, u(first candidate) + 0.01], so an offer may rise by at most the band
    for (let i = 1; i < own.length; i++) if (own[i]! > own[i - 1]! + 0.01 + 1e-12) violations++
    expect(violations).toBe(0)
    expect(r.concession[0].reversals).toBeLessThan(own.length)
  })

  it('Hardliner vs Hardliner never agrees; payoff is the discounted reservation', () => {
    const r = run('hardliner', 'hardliner', 50)
    expect(r.agreement).toBeNull()
    expect(r.offers).toHaveLength(100)
    expect(r.payoff[0]).toBeCloseTo(analysis.reservation[0] * 0.9, 12)
    expect(r.payoff[1]).toBeCloseTo(analysis.reservation[1], 12)
  })

  it('AC_const accepts the first offer above the threshold; AC_time accepts after the time', () => {
    const c = run('hardliner', 'hardliner+ac-const:0', 50)
    expect(c.agreement?.round).toBe(0)
    expect(c.agreement?.acceptedBy).toBe(1)
    const t = run('hardliner+ac-time:0.5', 'hardliner', 100)
    expect(t.agreement?.time).toBe(0.5)
    expect(t.agreement?.acceptedBy).toBe(0)
  })

  it('tit-for-tat reciprocates a conceder and reaches agreement', () => {
    const r = run('tit-for-tat', 'conceder', 200)
    expect(r.agreement).not.toBeNull()
  })

  it('a time limit cuts the negotiation short', () => {
    const r = simulateNegotiation(
      scenario,
      [negotiatorByName('hardliner'), negotiatorByName('hardliner')],
      {
        rounds: 100,
        timeLimit: 0.25,
        rng: createRng(1),
      },
    )
    expect(r.roundsPlayed).toBe(25)
  })

  it('dated deadline: rounds from dates, no-deal values as reservation, dates on offers', () => {
    const d = datedDeadline({
      start: 20000,
      deadline: 20090,
      roundLength: 7,
      noDealValues: [0.3, 0.4],
    })
    expect(d.rounds).toBe(12)
    const r = simulateNegotiation(
      scenario,
      [negotiatorByName('hardliner'), negotiatorByName('hardliner')],
      {
        ...d,
        rng: createRng(1),
      },
    )
    expect(r.offers).toHaveLength(24)
    expect(r.offers[1]!.date).toBe(20003.5)
    expect(r.payoff[1]).toBeCloseTo(0.4, 12)
    expect(() =>
      datedDeadline({ start: 10, deadline: 12, roundLength: 7, noDealValues: [0, 0] }),
    ).toThrow(/no full round/)
  })
})

describe('runTournament', () => {
  it('plays every ordered pair and summarises', () => {
    const names = ['boulware', 'conceder', 'hardliner']
    const rows = runTournament(scenario, names.map(negotiatorByName), {
      rounds: 100,
      repetitions: 2,
      seed: 9,
      reference: analysis.nash!.utility,
    })
    expect(rows).toHaveLength(9)
    expect(rows.map((r) => `${r.a}/${r.b}`)).toContain('conceder/hardliner')
    const hh = rows.find((r) => r.a === 'hardliner' && r.b === 'hardliner')!
    expect(hh.agreementRate).toBe(0)
    expect(hh.meanRound).toBeNull()
    const bc = rows.find((r) => r.a === 'boulware' && r.b === 'conceder')!
    expect(bc.agreementRate).toBe(1)
    expect(bc.meanDistanceToReference).not.toBeNull()
    expect(runTournament(scenario, names.map(negotiatorByName), { rounds: 100, seed: 9 })).toEqual(
      runTournament(scenario, names.map(negotiatorByName), { rounds: 100, seed: 9 }),
    )
  })
})
