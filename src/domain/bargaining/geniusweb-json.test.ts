import { describe, expect, it } from 'vitest'
import {
  parseGeniusWebDomain,
  parseGeniusWebProfile,
  writeGeniusWebDomain,
  writeGeniusWebProfile,
} from './geniusweb-json.js'
import {
  parseGeniusDomain,
  parseGeniusProfile,
  writeGeniusDomain,
  writeGeniusProfile,
} from './genius-xml.js'
import { enumerateUtilities } from './enumerate-utilities.js'
import { analyzeNegotiation, reservationOf } from './analyze-negotiation.js'
import { encodeOutcome, bidOf } from './outcome-space.js'
import { NegotiationInputError } from './negotiation-error.js'
import {
  FRUIT_DOMAIN_JSON,
  FRUIT_PROFILE_A_JSON,
  FRUIT_PROFILE_B_JSON,
} from './fixtures/geniusweb-fixtures.js'
import { MIXED_DOMAIN_XML, MIXED_PROFILE_B_XML } from './fixtures/genius-fixtures.js'

describe('GeniusWeb import', () => {
  const space = parseGeniusWebDomain(FRUIT_DOMAIN_JSON)

  it('reads discrete values and numeric ranges', () => {
    expect(space.issues.map((i) => i.kind)).toEqual(['discrete', 'integer', 'real'])
    expect(space.size).toBe(3 * 5 * 5)
    expect(bidOf(space, encodeOutcome(space, [1, 2, 3]))).toEqual({
      fruit: 'pear',
      amount: 12,
      rate: 0.75,
    })
  })

  it('reads DiscreteValueSetUtilities, NumberValueSetUtilities and the reservation bid', () => {
    const a = parseGeniusWebProfile(FRUIT_PROFILE_A_JSON, space, 'a')
    expect(a.name).toBe('buyer')
    const u = enumerateUtilities(space, a.utility)
    // pear, 12 (0.5), 0.75 (0.25): 0.5·0.6 + 0.3·0.5 + 0.2·0.25
    expect(u[encodeOutcome(space, [1, 2, 3])]).toBeCloseTo(0.5, 14)
    expect(a.reservationOutcome).toBe(encodeOutcome(space, [2, 0, 0]))
    // plum, 10, 0: 0.1 + 0 + 0.2
    expect(reservationOf(a, u)).toBeCloseTo(0.3, 14)
  })

  it('reads the older discreteutils/numberutils keys; missing values score 0', () => {
    const b = parseGeniusWebProfile(FRUIT_PROFILE_B_JSON, space, 'b')
    const u = enumerateUtilities(space, b.utility)
    // apple (missing → 0), 10 (1), 1 (1): 0 + 0.4 + 0.2
    expect(u[encodeOutcome(space, [0, 0, 4])]).toBeCloseTo(0.6, 14)
    expect(b.reservationOutcome).toBeNull()
  })

  it('analyses without a reservation value (0 for the Nash product)', () => {
    const b = parseGeniusWebProfile(FRUIT_PROFILE_B_JSON, space, 'b')
    const a = parseGeniusWebProfile(FRUIT_PROFILE_A_JSON, space, 'a')
    const { analysis } = analyzeNegotiation(space, [a, b])
    expect(analysis.reservation[1]).toBe(0)
    expect(analysis.nash).not.toBeNull()
  })

  it('names the problem in bad files', () => {
    expect(() => parseGeniusWebDomain('{')).toThrow(/not valid JSON/)
    expect(() => parseGeniusWebDomain('{"name":"x"}')).toThrow(/issuesValues/)
    // SumOfGroupsUtilitySpace is read since issue 15 (geniusweb-groups.test.ts): an empty one
    // names what it lacks; a kind still unsupported is named as before
    expect(() => parseGeniusWebProfile('{"SumOfGroupsUtilitySpace":{}}', space)).toThrow(
      /partUtilities: expected an object/,
    )
    expect(() => parseGeniusWebProfile('{"DefaultPartialOrdering":{}}', space)).toThrow(
      /expected LinearAdditiveUtilitySpace or SumOfGroupsUtilitySpace, found DefaultPartialOrdering/,
    )
    const noWeight = FRUIT_PROFILE_A_JSON.replace('"rate":0.2', '"ratio":0.2')
    expect(() => parseGeniusWebProfile(noWeight, space)).toThrow(/"ratio" is not in domain/)
    const badBid = FRUIT_PROFILE_A_JSON.replace('"fruit":"plum"', '"fruit":"kiwi"')
    expect(() => parseGeniusWebProfile(badBid, space)).toThrow(
      /"kiwi" is not a value of issue "fruit"/,
    )
  })

  it('says the same in Korean, JSON keys as typed', () => {
    const koOf = (text: string): string => {
      try {
        parseGeniusWebProfile(text, space, 'a')
      } catch (err) {
        if (err instanceof NegotiationInputError) return err.ko
      }
      throw new Error('no NegotiationInputError')
    }
    expect(koOf('{"SumOfGroupsUtilitySpace":{}}')).toBe(
      'GeniusWeb 프로필 "a", "partUtilities": 객체여야 합니다.',
    )
    expect(koOf('{"DefaultPartialOrdering":{}}')).toBe(
      'GeniusWeb 프로필 "a": "LinearAdditiveUtilitySpace" 또는 "SumOfGroupsUtilitySpace"가 있어야 합니다(있는 항목: "DefaultPartialOrdering").',
    )
    expect(koOf('{}')).toMatch(/\(빈 객체\)\.$/)
  })
})

describe('GeniusWeb export round trip', () => {
  const space = parseGeniusWebDomain(FRUIT_DOMAIN_JSON)

  it.each([false, true])('domain and profiles round-trip (legacy keys: %s)', (legacyKeys) => {
    const space2 = parseGeniusWebDomain(writeGeniusWebDomain(space))
    expect(space2.issues.map((i) => [i.name, i.kind])).toEqual(
      space.issues.map((i) => [i.name, i.kind]),
    )
    expect(space2.size).toBe(space.size)
    for (const json of [FRUIT_PROFILE_A_JSON, FRUIT_PROFILE_B_JSON]) {
      const p = parseGeniusWebProfile(json, space)
      const text = writeGeniusWebProfile(space, p, { legacyKeys })
      expect(text.includes('discreteutils')).toBe(legacyKeys)
      const p2 = parseGeniusWebProfile(text, space2)
      expect(p2.reservationOutcome).toBe(p.reservationOutcome)
      const u = enumerateUtilities(space, p.utility)
      const u2 = enumerateUtilities(space2, p2.utility)
      for (let o = 0; o < u.length; o++) expect(u2[o]).toBeCloseTo(u[o]!, 14)
    }
  })

  it('GeniusWeb → GENIUS → same utilities (value tables rescaled into the weights)', () => {
    const b = parseGeniusWebProfile(FRUIT_PROFILE_B_JSON, space)
    const gSpace = parseGeniusDomain(writeGeniusDomain(space), { realSteps: 5 })
    const g = parseGeniusProfile(writeGeniusProfile(space, b), gSpace)
    const u = enumerateUtilities(space, b.utility)
    const u2 = enumerateUtilities(gSpace, g.utility)
    for (let o = 0; o < u.length; o++) expect(u2[o]).toBeCloseTo(u[o]!, 14)
  })

  it('GENIUS → GeniusWeb → same utilities when no clipping happens', () => {
    const gSpace = parseGeniusDomain(MIXED_DOMAIN_XML, { realSteps: 11 })
    const g = parseGeniusProfile(MIXED_PROFILE_B_XML, gSpace)
    const wSpace = parseGeniusWebDomain(writeGeniusWebDomain(gSpace))
    const w = parseGeniusWebProfile(writeGeniusWebProfile(gSpace, g), wSpace)
    const u = enumerateUtilities(gSpace, g.utility)
    const u2 = enumerateUtilities(wSpace, w.utility)
    for (let o = 0; o < u.length; o++) expect(u2[o]).toBeCloseTo(u[o]!, 12)
  })
})
