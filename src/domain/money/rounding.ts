import type { Rational } from './rational.js'

/**
 * How a value is rounded to a step. `half-up` rounds ties away from zero (the rule that
 * reproduces every published SMA year); the others are there because agreements and what-ifs
 * may name them.
 */
export const ROUNDING_MODES = ['half-up', 'half-even', 'floor', 'ceil', 'truncate'] as const
export type RoundingMode = (typeof ROUNDING_MODES)[number]

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q
}

/**
 * Rounds an exact value (in minor units) to an integer multiple of `step` (minor units, > 0).
 * @example
 * // 1,519,200,000,000 × 1.021 = 1,551,103,200,000 won → nearest 100,000,000, ties up
 * roundToStep({ num: 1551103200000n, den: 1n }, 100000000n, 'half-up') // 1551100000000n
 */
export function roundToStep(value: Rational, step: bigint, mode: RoundingMode): bigint {
  if (step <= 0n) throw new RangeError('rounding step must be positive')
  // q = value / step = num / (den·step)
  const num = value.num
  const den = value.den * step
  const fl = floorDiv(num, den)
  const rem = num - fl * den // 0 ≤ rem < den
  if (rem === 0n) return fl * step
  let n: bigint
  switch (mode) {
    case 'floor':
      n = fl
      break
    case 'ceil':
      n = fl + 1n
      break
    case 'truncate':
      n = num < 0n ? fl + 1n : fl
      break
    case 'half-up': {
      const twice = 2n * rem
      if (twice > den) n = fl + 1n
      else if (twice < den) n = fl
      else n = num < 0n ? fl : fl + 1n
      break
    }
    case 'half-even': {
      const twice = 2n * rem
      if (twice > den) n = fl + 1n
      else if (twice < den) n = fl
      else n = fl % 2n === 0n ? fl : fl + 1n
      break
    }
  }
  return n * step
}
