import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { syntheticScenario } from './synthetic-scenario.js'
import { createRng } from './create-rng.js'
import { enumerateUtilities } from './enumerate-utilities.js'
import {
  parseGeniusDomain,
  parseGeniusProfile,
  writeGeniusDomain,
  writeGeniusProfile,
} from './genius-xml.js'
import {
  parseGeniusWebDomain,
  parseGeniusWebProfile,
  writeGeniusWebDomain,
  writeGeniusWebProfile,
} from './geniusweb-json.js'
import { analyzeNegotiation } from './analyze-negotiation.js'

const maxDiff = (a: Float64Array, b: Float64Array): number => {
  let d = 0
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!))
  return d
}

describe('property: export then import keeps every utility and the analysis', () => {
  it('GENIUS XML', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (k, v, seed) => {
          const { space, profiles } = syntheticScenario(k, v, createRng(seed), [0.2, 0.1])
          const space2 = parseGeniusDomain(writeGeniusDomain(space))
          const p2 = profiles.map((p) =>
            parseGeniusProfile(writeGeniusProfile(space, p), space2),
          ) as [(typeof profiles)[0], (typeof profiles)[1]]
          for (let i = 0; i < 2; i++)
            expect(
              maxDiff(
                enumerateUtilities(space, profiles[i]!.utility),
                enumerateUtilities(space2, p2[i]!.utility),
              ),
            ).toBeLessThan(1e-12)
          const a = analyzeNegotiation(space, profiles).analysis
          const b = analyzeNegotiation(space2, p2).analysis
          expect(b.frontier.points.length).toBe(a.frontier.points.length)
          expect(b.reservation).toEqual(a.reservation)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('GeniusWeb JSON (both key spellings)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        fc.boolean(),
        (k, v, seed, legacyKeys) => {
          const { space, profiles } = syntheticScenario(k, v, createRng(seed))
          const space2 = parseGeniusWebDomain(writeGeniusWebDomain(space))
          for (const p of profiles) {
            const q = parseGeniusWebProfile(writeGeniusWebProfile(space, p, { legacyKeys }), space2)
            expect(
              maxDiff(enumerateUtilities(space, p.utility), enumerateUtilities(space2, q.utility)),
            ).toBeLessThan(1e-12)
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
