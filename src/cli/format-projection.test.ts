import { describe, expect, it } from 'vitest'
import { billions, grouped } from './format-projection.js'

describe('grouped', () => {
  it('writes numbers as toLocaleString("en-US") does, without Intl', () => {
    const values = [0, -0, -0.04, 0.15, 1.45, -0.15, 9.96, -9.96, 999.95, 1519.25, 12, 2.5]
    for (let i = 0; i < 2000; i++) {
      const x = Math.sin(i) * 10 ** (i % 12)
      values.push(x, Math.round(x * 100) / 100)
    }
    for (const v of values) {
      for (const [min, max] of [
        [1, 1],
        [0, 1],
        [0, 0],
        [0, 3],
      ] as const) {
        const intl = v.toLocaleString('en-US', {
          minimumFractionDigits: min,
          maximumFractionDigits: max,
        })
        expect(grouped(v, min, max)).toBe(intl)
      }
    }
    expect(billions('1519200000000')).toBe('1,519.2')
  })
})
