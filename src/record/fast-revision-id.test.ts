import { describe, expect, it } from 'vitest'
import { revisionId } from '../domain/agreement/revision-id.js'
import { fastRevisionId } from './fast-revision-id.js'
import { loadRecord } from './shipped-record.js'

describe('fastRevisionId', () => {
  it('is the domain revisionId of every shipped agreement (and of a non-ASCII edit)', () => {
    const { agreements } = loadRecord()
    expect(agreements.length).toBeGreaterThan(20)
    for (const spec of agreements) expect(fastRevisionId(spec)).toBe(revisionId(spec))
    const first = agreements[0]
    if (!first) throw new Error('no agreement')
    const edited = { ...first, description: { en: 'Draft ✓', ko: '초안 — 수정' } }
    expect(fastRevisionId(edited)).toBe(revisionId(edited))
  })
})
