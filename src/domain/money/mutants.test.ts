import { describe, expect, it } from 'vitest'
import { allocate } from './allocate.js'
import {
  add,
  isDecimalText,
  compare,
  div,
  isTerminating,
  max,
  min,
  mul,
  parseDecimal,
  pct,
  rational,
  sub,
  toDecimalString,
} from './rational.js'
import { roundToStep, type RoundingMode } from './rounding.js'

/**
 * Tests written to kill the mutants StrykerJS left alive in the money core (issue 14, finding
 * 11): each names the mutation it kills. Exact expected values, asymmetric operands and
 * negative amounts, so that no operator swap, sign slip or tie-break change can pass.
 */
const r = (n: bigint, d = 1n) => rational(n, d)
const round = (num: bigint, den: bigint, step: bigint, mode: RoundingMode) =>
  roundToStep({ num, den }, step, mode)

describe('rational arithmetic (operator mutants)', () => {
  it('sub subtracts (kills − → +) and is not symmetric', () => {
    expect(sub(r(7n, 2n), r(1n, 3n))).toEqual(r(19n, 6n))
    expect(sub(r(1n, 3n), r(7n, 2n))).toEqual(r(-19n, 6n))
    expect(sub(r(5n), r(5n))).toEqual(r(0n))
    expect(add(r(7n, 2n), r(1n, 3n))).toEqual(r(23n, 6n))
  })
  it('mul and div keep numerators and denominators apart', () => {
    expect(mul(r(2n, 3n), r(9n, 4n))).toEqual(r(3n, 2n))
    expect(div(r(2n, 3n), r(9n, 4n))).toEqual(r(8n, 27n))
    expect(div(r(-1n, 2n), r(1n, 4n))).toEqual(r(-2n))
    expect(() => div(r(1n), r(0n))).toThrow(RangeError)
  })
  it('normalises the sign into the numerator and reduces', () => {
    expect(rational(3n, -6n)).toEqual({ num: -1n, den: 2n })
    expect(rational(-4n, -8n)).toEqual({ num: 1n, den: 2n })
    expect(rational(0n, 5n)).toEqual({ num: 0n, den: 1n })
    expect(() => rational(1n, 0n)).toThrow(RangeError)
  })
  it('compares, and min/max pick the right side (and the first on ties)', () => {
    expect(compare(r(1n, 3n), r(1n, 2n))).toBe(-1)
    expect(compare(r(1n, 2n), r(1n, 3n))).toBe(1)
    expect(compare(r(2n, 4n), r(1n, 2n))).toBe(0)
    expect(compare(r(-1n, 2n), r(-1n, 3n))).toBe(-1)
    const a = { num: 1n, den: 2n }
    const b = { num: 2n, den: 4n }
    expect(min(a, b)).toBe(a)
    expect(max(a, b)).toBe(a)
    expect(min(r(-3n), r(2n))).toEqual(r(-3n))
    expect(max(r(-3n), r(2n))).toEqual(r(2n))
  })
  it('parses signs and fractions exactly; pct divides by 100', () => {
    expect(parseDecimal('-0.25')).toEqual(r(-1n, 4n))
    expect(parseDecimal('+3')).toEqual(r(3n))
    expect(parseDecimal('2.10')).toEqual(r(21n, 10n))
    expect(() => parseDecimal('1.')).toThrow(RangeError)
    expect(() => parseDecimal('.5')).toThrow(RangeError)
    expect(pct(parseDecimal('2.1'))).toEqual(r(21n, 1000n))
  })
  it('knows terminating decimals and prints negatives exactly', () => {
    expect(isTerminating(r(3n, 40n))).toBe(true)
    expect(isTerminating(r(1n, 6n))).toBe(false)
    expect(isTerminating(r(1n, 7n))).toBe(false)
    expect(toDecimalString(r(-1n, 4n))).toBe('-0.25')
    expect(toDecimalString(r(-5n))).toBe('-5')
    expect(toDecimalString(r(0n))).toBe('0')
    expect(toDecimalString(r(1n, 3n), 4)).toBe('0.3333…')
    expect(toDecimalString(r(-2n, 3n), 2)).toBe('-0.66…')
  })
})

describe('rounding on negative amounts (truncate and half-up mutants)', () => {
  const step = 100n
  it('truncates toward zero on both signs', () => {
    expect(round(-250n, 1n, step, 'truncate')).toBe(-200n)
    expect(round(250n, 1n, step, 'truncate')).toBe(200n)
    expect(round(-299n, 1n, step, 'truncate')).toBe(-200n)
    expect(round(-201n, 1n, step, 'truncate')).toBe(-200n)
    expect(round(-200n, 1n, step, 'truncate')).toBe(-200n)
  })
  it('rounds half-up ties away from zero on both signs, non-ties to nearest', () => {
    expect(round(250n, 1n, step, 'half-up')).toBe(300n)
    expect(round(-250n, 1n, step, 'half-up')).toBe(-300n)
    expect(round(-249n, 1n, step, 'half-up')).toBe(-200n)
    expect(round(-251n, 1n, step, 'half-up')).toBe(-300n)
    expect(round(-50n, 1n, step, 'half-up')).toBe(-100n)
    expect(round(-501n, 2n, step, 'half-up')).toBe(-300n) // −250.5
  })
  it('floor, ceil and half-even on negatives', () => {
    expect(round(-250n, 1n, step, 'floor')).toBe(-300n)
    expect(round(-250n, 1n, step, 'ceil')).toBe(-200n)
    expect(round(-250n, 1n, step, 'half-even')).toBe(-200n)
    expect(round(-350n, 1n, step, 'half-even')).toBe(-400n)
    expect(round(-251n, 1n, step, 'half-even')).toBe(-300n)
    expect(round(-249n, 1n, step, 'half-even')).toBe(-200n)
  })
  it('leaves exact multiples alone in every mode and refuses a non-positive step', () => {
    for (const m of ['half-up', 'half-even', 'floor', 'ceil', 'truncate'] as const) {
      expect(round(-300n, 1n, step, m)).toBe(-300n)
      expect(round(600n, 2n, step, m)).toBe(300n)
    }
    expect(() => round(1n, 1n, 0n, 'floor')).toThrow(RangeError)
    expect(() => round(1n, 1n, -1n, 'floor')).toThrow(RangeError)
  })
})

describe('largest-remainder allocation (tie-break mutants)', () => {
  it('gives the leftover units to the largest remainders first', () => {
    // 10 × (1, 2, 4)/7 = 1.43, 2.86, 5.71: remainders 3, 6, 5 (/7) → parts 1+0, 2+1, 5+1
    expect(allocate(10n, [1n, 2n, 4n])).toEqual([1n, 3n, 6n])
    expect(allocate(10n, [4n, 2n, 1n])).toEqual([6n, 3n, 1n])
  })
  it('breaks remainder ties by the stated order (earlier part first)', () => {
    expect(allocate(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n])
    expect(allocate(1n, [1n, 1n, 1n])).toEqual([1n, 0n, 0n])
    expect(allocate(5n, [1n, 1n, 1n, 1n])).toEqual([2n, 1n, 1n, 1n])
    // tie between the last two only: the earlier of them wins
    expect(allocate(6n, [2n, 1n, 1n])).toEqual([3n, 2n, 1n])
    expect(allocate(6n, [1n, 1n, 2n])).toEqual([2n, 1n, 3n])
  })
  it('mirrors negative totals and always sums to the total', () => {
    expect(allocate(-10n, [1n, 2n, 4n])).toEqual([-1n, -3n, -6n])
    expect(allocate(-2n, [1n, 1n, 1n])).toEqual([-1n, -1n, 0n])
    for (const total of [-101n, -1n, 0n, 1n, 99n, 1000n]) {
      const parts = allocate(total, [3n, 5n, 0n, 7n])
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(total)
      expect(parts[2]).toBe(0n)
    }
  })
  it('refuses empty, negative and all-zero weights', () => {
    expect(() => allocate(1n, [])).toThrow(RangeError)
    expect(() => allocate(1n, [1n, -1n])).toThrow(RangeError)
    expect(() => allocate(1n, [0n, 0n])).toThrow(RangeError)
  })
})

describe('survivors of the 2026-12-03 run (stryker/equivalent.md lists the rest)', () => {
  it('names why allocate and rational refuse (kills the guard and message mutants)', () => {
    expect(() => allocate(1n, [0n, 0n])).toThrow('allocate: weights sum to zero')
    expect(() => rational(1n, 0n)).toThrow('rational: division by zero')
  })
  it('min and max pick the second argument when it is the answer', () => {
    expect(min(r(2n), r(-3n))).toEqual(r(-3n))
    expect(max(r(-3n), r(2n))).toEqual(r(2n))
    expect(max(r(2n), r(-3n))).toEqual(r(2n))
  })
  it('knows plain decimal numerals', () => {
    expect(isDecimalText('2.1')).toBe(true)
    expect(isDecimalText('-0.5')).toBe(true)
    expect(isDecimalText('1e3')).toBe(false)
    expect(isDecimalText('.5')).toBe(false)
    expect(isDecimalText('')).toBe(false)
  })
  it('marks a cut even when no fraction digit is kept, and keeps the sign', () => {
    expect(toDecimalString(r(-1n, 2n), 0)).toBe('-0…')
    expect(toDecimalString(r(-3n, 2n), 0)).toBe('-1…')
    expect(toDecimalString(r(-2n), 0)).toBe('-2')
    expect(toDecimalString(r(0n), 0)).toBe('0')
    expect(toDecimalString(r(-1n, 3n), 2)).toBe('-0.33…')
  })
})
