import { describe, expect, it } from 'vitest'
import { analyzeNegotiation } from './analyze-negotiation.js'
import { enumerateUtilities } from './enumerate-utilities.js'
import {
  parseGeniusWebDomain,
  parseGeniusWebProfile,
  writeGeniusWebProfile,
} from './geniusweb-json.js'
import { utilityOfOutcome } from './utility-function.js'

const DOMAIN = {
  name: 'car',
  issuesValues: {
    speakers: { values: ['good', 'poor'] },
    hifi: { values: ['yes', 'no'] },
    colour: { values: ['red', 'blue', 'grey'] },
  },
}
const domainText = JSON.stringify(DOMAIN)

/** A GeniusWeb SumOfGroupsUtilitySpace: speakers and hi-fi valued together, colour alone. */
function profile(extra: Record<string, unknown> = {}, parts?: Record<string, unknown>): string {
  return JSON.stringify({
    SumOfGroupsUtilitySpace: {
      name: 'buyer',
      domain: DOMAIN,
      partUtilities: parts ?? {
        sound: {
          partsutils: {
            issues: ['speakers', 'hifi'],
            utilslist: [
              { values: ['good', 'yes'], util: 0.7 },
              { values: ['poor', 'yes'], util: 0.2 },
              { values: ['good', 'no'], util: 0.1 },
            ],
          },
        },
        colour: {
          partsutils: {
            issues: ['colour'],
            utilslist: [
              { values: ['red'], util: 0.3 },
              { values: ['grey'], util: 0.1 },
            ],
          },
        },
      },
      reservationBid: null,
      ...extra,
    },
  })
}

describe('GeniusWeb SumOfGroupsUtilitySpace', () => {
  const space = parseGeniusWebDomain(domainText)

  it('adds the utility of each group’s combination of values (unlisted combinations are 0)', () => {
    const p = parseGeniusWebProfile(profile(), space, 'x')
    expect(p.name).toBe('buyer')
    expect(p.utility.kind).toBe('sum-of-groups')
    const u = enumerateUtilities(space, p.utility)
    // outcomes: speakers × hifi × colour, colour fastest
    expect(Array.from(u)).toEqual([
      0.7 + 0.3,
      0.7 + 0,
      0.7 + 0.1,
      0.1 + 0.3,
      0.1 + 0,
      0.1 + 0.1,
      0.2 + 0.3,
      0.2 + 0,
      0.2 + 0.1,
      0 + 0.3,
      0 + 0,
      0 + 0.1,
    ])
    for (let o = 0; o < u.length; o++) expect(utilityOfOutcome(space, p.utility, o)).toBe(u[o])
  })

  it('reads the reservation bid and writes the profile back unchanged', () => {
    const p = parseGeniusWebProfile(
      profile({
        reservationBid: { issuevalues: { speakers: 'poor', hifi: 'yes', colour: 'grey' } },
      }),
      space,
      'x',
    )
    expect(p.reservationOutcome).toBe(8)
    const again = parseGeniusWebProfile(writeGeniusWebProfile(space, p), space, 'x')
    expect(again.reservationOutcome).toBe(8)
    expect(enumerateUtilities(space, again.utility)).toEqual(enumerateUtilities(space, p.utility))
    const { analysis } = analyzeNegotiation(space, [p, again])
    expect(analysis.reservation[0]).toBeCloseTo(0.3, 15)
    expect(analysis.nash?.utility).toEqual([1, 1])
  })

  it('refuses groups that overlap, leave an issue out, use unknown values or exceed 1', () => {
    const part = (issues: string[], utilslist: unknown[]) => ({ partsutils: { issues, utilslist } })
    const bad: [Record<string, unknown>, RegExp][] = [
      [
        {
          a: part(['speakers', 'hifi'], []),
          b: part(['hifi', 'colour'], []),
        },
        /issue "hifi" is in more than one group/,
      ],
      [{ a: part(['speakers', 'hifi'], []) }, /no group covers issue\(s\) colour/],
      [
        {
          a: part(['speakers', 'hifi'], [{ values: ['loud', 'yes'], util: 0.5 }]),
          b: part(['colour'], []),
        },
        /value "loud" is not a value of issue "speakers"/,
      ],
      [
        {
          a: part(['speakers', 'hifi'], [{ values: ['good', 'yes'], util: 0.8 }]),
          b: part(['colour'], [{ values: ['red'], util: 0.5 }]),
        },
        /largest utilities sum to 1\.3 > 1/,
      ],
      [
        {
          a: part(['speakers', 'hifi'], [{ values: ['good'], util: 0.8 }]),
          b: part(['colour'], []),
        },
        /needs 2 values/,
      ],
    ]
    for (const [parts, message] of bad) {
      expect(() => parseGeniusWebProfile(profile({}, parts), space, 'x')).toThrow(message)
    }
  })
})
