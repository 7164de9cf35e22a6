import { describe, expect, it } from 'vitest'
import { findAgreement, recordSnapshot } from '../../../src/domain/index.js'
import { shippedSnapshot } from '../../../src/record/shipped-record.js'
import { scheduleOf, signedSchedule } from './record'

const snapshot = shippedSnapshot()
const sma12 = findAgreement(snapshot, 'rok-us-sma-12')
if (!sma12) throw new Error('rok-us-sma-12 missing')

describe('schedules of a record snapshot', () => {
  it('computes the signed schedule once per snapshot', () => {
    const s = signedSchedule(snapshot, sma12)
    expect(s.years.find((y) => y.year === 2027)?.amount).toBe('1551100000000')
    expect(signedSchedule(snapshot, sma12)).toBe(s)
    // Another snapshot (a refetch, another viewer) gets its own.
    const other = recordSnapshot(snapshot.entries, snapshot.indices, snapshot.sources)
    expect(signedSchedule(other, sma12)).not.toBe(s)
    expect(signedSchedule(other, sma12)).toEqual(s)
  })

  it('evaluates what-if index values against the snapshot', () => {
    const s = scheduleOf(snapshot, sma12, [{ series: 'KR_CPI', period: 2025, value: '7.3' }])
    expect(s.years.find((y) => y.year === 2027)?.amount).toBe('1595200000000')
  })
})
