import { describe, expect, it } from 'vitest'
import { AGREEMENT_COLORS, contrast, textOn } from './timeline'

describe('timeline colours', () => {
  it('labels every agreement colour with text of at least 4.5:1 contrast (WCAG AA)', () => {
    for (const c of AGREEMENT_COLORS) expect(contrast(textOn(c), c), c).toBeGreaterThanOrEqual(4.5)
  })
  it('computes the contrast of black on white as 21', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
  })
})
