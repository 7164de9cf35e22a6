import { describe, expect, it } from 'vitest'
import {
  parseGeniusDomain,
  parseGeniusProfile,
  writeGeniusDomain,
  writeGeniusProfile,
} from './genius-xml.js'
import { enumerateUtilities } from './enumerate-utilities.js'
import { encodeOutcome, bidOf } from './outcome-space.js'
import { utilityOfOutcome } from './utility-function.js'
import { NegotiationInputError } from './negotiation-error.js'
import {
  GRID_DOMAIN_XML,
  GRID_NONLINEAR_XML,
  MIXED_DOMAIN_XML,
  MIXED_PROFILE_A_XML,
  MIXED_PROFILE_B_XML,
} from './fixtures/genius-fixtures.js'

describe('GENIUS domain', () => {
  it('reads discrete, integer and real issues with indices starting at 3', () => {
    const space = parseGeniusDomain(MIXED_DOMAIN_XML, { realSteps: 11 })
    expect(space.name).toBe('Mixed')
    expect(space.issues.map((i) => [i.name, i.kind, i.id])).toEqual([
      ['Colour', 'discrete', 3],
      ['Quantity', 'integer', 4],
      ['Price', 'real', 5],
    ])
    expect(space.size).toBe(3 * 5 * 11)
    expect(bidOf(space, encodeOutcome(space, [2, 4, 10]))).toEqual({
      Colour: 'blue',
      Quantity: 5,
      Price: 10,
    })
  })

  it('names the problem in bad files', () => {
    expect(() => parseGeniusDomain('<negotiation_template><utility_space>')).toThrow(
      /not well-formed XML/,
    )
    expect(() => parseGeniusDomain('<foo/>')).toThrow(/no <utility_space>/)
    expect(() =>
      parseGeniusDomain(
        '<utility_space><objective><issue name="a" type="weird"/></objective></utility_space>',
      ),
    ).toThrow(/unknown issue type "weird"/)
  })
})

describe('GENIUS profile semantics', () => {
  const space = parseGeniusDomain(MIXED_DOMAIN_XML, { realSteps: 11 })
  const a = parseGeniusProfile(MIXED_PROFILE_A_XML, space, 'A')

  it('divides discrete evaluations by the largest, shifts integers by the lower bound, clips, caps at 1', () => {
    // red, Quantity 1, Price 0: 0.5·0.25 + 0.3·0.1 + 0.3·0.2
    expect(utilityOfOutcome(space, a.utility, encodeOutcome(space, [0, 0, 0]))).toBeCloseTo(
      0.215,
      12,
    )
    // green, Quantity 3 (0.7), Price 5 (0.7): 0.25 + 0.21 + 0.21
    expect(utilityOfOutcome(space, a.utility, encodeOutcome(space, [1, 2, 5]))).toBeCloseTo(
      0.67,
      12,
    )
    // blue, Quantity 5 (1.3 → 1), Price 10 (1.2 → 1): 0.5 + 0.3 + 0.3 = 1.1 → 1
    expect(utilityOfOutcome(space, a.utility, encodeOutcome(space, [2, 4, 10]))).toBe(1)
    expect(a.reservationValue).toBe(0.3)
    expect(a.discountFactor).toBe(0.9)
  })

  it('enumeration agrees with single-outcome evaluation', () => {
    const u = enumerateUtilities(space, a.utility)
    for (let o = 0; o < space.size; o += 7)
      expect(u[o]).toBeCloseTo(utilityOfOutcome(space, a.utility, o), 14)
  })

  it('treats a missing reservation value as null', () => {
    const b = parseGeniusProfile(MIXED_PROFILE_B_XML, space, 'B')
    expect(b.reservationValue).toBeNull()
    expect(b.discountFactor).toBeNull()
  })

  it('reads hyper-rectangle profiles (INCLUDES, EXCLUDES, ÷ maxutility, cap)', () => {
    const grid = parseGeniusDomain(GRID_DOMAIN_XML)
    const p = parseGeniusProfile(GRID_NONLINEAR_XML, grid, 'N')
    const u = enumerateUtilities(grid, p.utility)
    const at = (x: number, y: number) => u[encodeOutcome(grid, [x - 1, y - 1])]
    expect(at(1, 1)).toBeCloseTo(0.6, 12)
    expect(at(2, 2)).toBe(1)
    expect(at(2, 4)).toBeCloseTo(0.6, 12)
    expect(at(1, 4)).toBeCloseTo(0.2, 12)
    expect(at(3, 3)).toBeCloseTo(0.4, 12)
    expect(p.reservationValue).toBe(0.1)
    for (let o = 0; o < grid.size; o++)
      expect(u[o]).toBeCloseTo(utilityOfOutcome(grid, p.utility, o), 14)
  })

  it('names missing weights and unknown values', () => {
    const noWeight = MIXED_PROFILE_A_XML.replace('<weight index="5" value="0.3"></weight>', '')
    expect(() => parseGeniusProfile(noWeight, space, 'A')).toThrow(/no weight for issue "Price"/)
    const badValue = MIXED_PROFILE_A_XML.replace('value="green"', 'value="purple"')
    expect(() => parseGeniusProfile(badValue, space, 'A')).toThrow(
      /value "purple" is not in the domain/,
    )
    expect(() => parseGeniusProfile('<utility_space><objective>', space)).toThrow(
      NegotiationInputError,
    )
  })

  it('says the same in Korean, naming the place in the file as the English does', () => {
    const koOf = (f: () => unknown): string => {
      try {
        f()
      } catch (err) {
        if (err instanceof NegotiationInputError) return err.ko
      }
      throw new Error('no NegotiationInputError')
    }
    const noWeight = MIXED_PROFILE_A_XML.replace('<weight index="5" value="0.3"></weight>', '')
    expect(koOf(() => parseGeniusProfile(noWeight, space, 'A'))).toBe(
      'GENIUS 프로필 "A": 쟁점 "Price"(번호 5)의 가중치가 없습니다.',
    )
    const badValue = MIXED_PROFILE_A_XML.replace('value="green"', 'value="purple"')
    expect(koOf(() => parseGeniusProfile(badValue, space, 'A'))).toMatch(
      /^GENIUS 프로필 "A", 쟁점 ".+": 값 "purple"이\(가\) 도메인에 없습니다\.$/,
    )
    const noEvaluation = MIXED_PROFILE_A_XML.replace(/evaluation="[^"]*"/, 'evaluation="x"')
    expect(koOf(() => parseGeniusProfile(noEvaluation, space, 'A'))).toMatch(
      /^GENIUS 프로필 "A", 쟁점 ".+", 값 ".+": "evaluation" 속성 값이 숫자가 아닙니다\("x"\)\.$/,
    )
  })
})

describe('GENIUS export round trip', () => {
  it('domain and linear profiles round-trip to identical utilities', () => {
    const space = parseGeniusDomain(MIXED_DOMAIN_XML, { realSteps: 6 })
    const space2 = parseGeniusDomain(writeGeniusDomain(space), { realSteps: 6 })
    expect(space2.issues).toEqual(space.issues)
    for (const xml of [MIXED_PROFILE_A_XML, MIXED_PROFILE_B_XML]) {
      const p = parseGeniusProfile(xml, space)
      const p2 = parseGeniusProfile(writeGeniusProfile(space, p), space2)
      expect(p2.reservationValue).toBe(p.reservationValue)
      expect(p2.discountFactor).toBe(p.discountFactor)
      const u = enumerateUtilities(space, p.utility)
      const u2 = enumerateUtilities(space2, p2.utility)
      for (let o = 0; o < u.length; o++) expect(u2[o]).toBeCloseTo(u[o]!, 14)
    }
  })

  it('hyper-rectangle profiles round-trip', () => {
    const grid = parseGeniusDomain(GRID_DOMAIN_XML)
    const p = parseGeniusProfile(GRID_NONLINEAR_XML, grid)
    const p2 = parseGeniusProfile(writeGeniusProfile(grid, p), grid)
    expect(Array.from(enumerateUtilities(grid, p2.utility))).toEqual(
      Array.from(enumerateUtilities(grid, p.utility)),
    )
  })

  it('refuses per-outcome tables with a clear error', () => {
    const grid = parseGeniusDomain(GRID_DOMAIN_XML)
    const p = {
      name: 't',
      utility: { kind: 'table' as const, utilities: new Float64Array(grid.size) },
      reservationValue: null,
      reservationOutcome: null,
      discountFactor: null,
      whose: 'own' as const,
    }
    expect(() => writeGeniusProfile(grid, p)).toThrow(/cannot be written as GENIUS XML/)
  })
})
