import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { rational } from './rational.js'
import { roundToStep, ROUNDING_MODES } from './rounding.js'

const EOK = 100_000_000n

describe('roundToStep', () => {
  it('rounds ties away from zero in half-up, to even in half-even', () => {
    expect(roundToStep(rational(150n), 100n, 'half-up')).toBe(200n)
    expect(roundToStep(rational(-150n), 100n, 'half-up')).toBe(-200n)
    expect(roundToStep(rational(250n), 100n, 'half-even')).toBe(200n)
    expect(roundToStep(rational(350n), 100n, 'half-even')).toBe(400n)
  })

  it('reproduces the published-year evidence: floor fails 2008, ceil fails 2009', () => {
    // 2008: 725,500,000,000 × 1.022 = 741,461,000,000
    const y2008 = rational(725_500_000_000n * 1022n, 1000n)
    expect(roundToStep(y2008, EOK, 'half-up')).toBe(741_500_000_000n)
    expect(roundToStep(y2008, EOK, 'floor')).toBe(741_400_000_000n)
    // 2009: 741,500,000,000 × 1.025 = 760,037,500,000
    const y2009 = rational(741_500_000_000n * 1025n, 1000n)
    expect(roundToStep(y2009, EOK, 'half-up')).toBe(760_000_000_000n)
    expect(roundToStep(y2009, EOK, 'ceil')).toBe(760_100_000_000n)
  })

  it('rejects a non-positive step', () => {
    expect(() => roundToStep(rational(1n), 0n, 'floor')).toThrow(/positive/)
  })

  it('every mode gives a multiple of the step within one step of the value (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 16n), 10n ** 16n),
        fc.bigInt(1n, 10n ** 4n),
        fc.bigInt(1n, 10n ** 9n),
        fc.constantFrom(...ROUNDING_MODES),
        (num, den, step, mode) => {
          const v = rational(num, den)
          const r = roundToStep(v, step, mode)
          expect(r % step).toBe(0n)
          const diff = r * v.den - v.num // (r − v)·den
          const abs = diff < 0n ? -diff : diff
          expect(abs <= step * v.den).toBe(true)
          if (mode === 'half-up' || mode === 'half-even')
            expect(2n * abs <= step * v.den).toBe(true)
          if (mode === 'floor') expect(diff <= 0n).toBe(true)
          if (mode === 'ceil') expect(diff >= 0n).toBe(true)
        },
      ),
      { numRuns: 10_000, seed: 7 },
    )
  })

  it('half-up equals a BigInt reference for positive values (property)', () => {
    fc.assert(
      fc.property(fc.bigInt(0n, 10n ** 16n), fc.bigInt(1n, 10n ** 6n), (num, den) => {
        // reference: floor((2·num + den·step) / (2·den·step)) · step
        const ref = ((2n * num + den * EOK) / (2n * den * EOK)) * EOK
        expect(roundToStep(rational(num, den), EOK, 'half-up')).toBe(ref)
      }),
      { numRuns: 10_000, seed: 11 },
    )
  })
})
