import { describe, expect, it } from 'vitest'
import { testDialects } from '../../db/test-harness.js'
import { hostComparisonResponse, japanSupportResponse } from '../../contracts/host-support.js'
import { hostComparisonOf } from '../../record/host-comparison.js'
import { shippedSnapshot } from '../../record/shipped-record.js'
import { call, testApp } from '../test-support.js'

const sqlite = testDialects()[0]
if (!sqlite) throw new Error('no SQLite test dialect')

describe('host-nation support routes', () => {
  const t = testApp(() => sqlite.open())

  it("GET /api/host-support/japan: Japan's 41 fiscal years for anyone, unknown as null", async () => {
    const res = await call(t, t.as('anonymous'), 'GET', '/api/host-support/japan')
    expect(res.statusCode).toBe(200)
    const { support } = japanSupportResponse.parse(res.json())
    expect(support.years).toHaveLength(41)
    const fy2008 = support.years.find((y) => y.fy === 2008)
    expect(fy2008?.inside.total).toMatchObject({ amount: '141600000000', provenance: 'published' })
    expect(support.years.find((y) => y.fy === 2012)?.total).toBeNull()
  })

  it('GET /api/host-support/comparison: the same JSON as the CLI, derived figures per year', async () => {
    const res = await call(t, t.as('PUBLIC-viewer'), 'GET', '/api/host-support/comparison')
    expect(res.statusCode).toBe(200)
    const body = hostComparisonResponse.parse(res.json())
    const y2022 = body.comparison.rows.find((r) => r.year === 2022)
    expect(y2022?.jp).toMatchObject({ usdCents: '156398691911', usdCentsPerTroop: '2896300' })
    expect(body.comparison.rows.find((r) => r.year === 2023)?.kr.amount?.provenance).toBe('derived')
    expect(body.inputs.exchangeRates.values.length).toBeGreaterThan(20)
    // the server's record is the shipped one here: the answer equals the CLI's
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(hostComparisonOf(shippedSnapshot()))))
    // cached with a strong ETag like the other public reads
    const again = await call(
      t,
      t.as('anonymous'),
      'GET',
      '/api/host-support/comparison',
      undefined,
      {
        'if-none-match': String(res.headers.etag),
      },
    )
    expect(again.statusCode).toBe(304)
  })
})
