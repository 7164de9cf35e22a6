import { z } from 'zod'
import { indexValue } from './domain-shapes.js'
import { implausibleIndexValue, SERIES_IDS } from '../domain/index-series/index-series.js'
import { isoDate, ro, sources, text } from './common.js'
import { said } from './validation-words.js'

export const seriesParam = z.strictObject({ series: z.enum(SERIES_IDS) })

export const indexValuesResponse = z
  .object({ series: z.enum(SERIES_IDS), values: ro(indexValue) })
  .meta({ id: 'IndexValues' })

export const indexValueBody = z
  .strictObject({
    period: z.int().min(1900).max(2200),
    value: z
      .string()
      .regex(
        /^-?\d{1,3}(\.\d{1,6})?$/,
        said('percent as text, e.g. "2.1"', '백분율을 "2.1"과 같이 문자열로 쓰십시오.'),
      )
      .check((ctx) => {
        const why = implausibleIndexValue(ctx.value)
        if (why !== null)
          ctx.issues.push({
            code: 'custom',
            message: why.en,
            params: { ko: why.ko },
            input: ctx.value,
          })
      }),
    vintage: z.string().min(1).max(200),
    releasedOn: isoDate.nullable(),
    sources: sources.min(1),
    note: text(2000).optional(),
  })
  .meta({ id: 'IndexValueBody' })
export type IndexValueBody = z.infer<typeof indexValueBody>

export const indexValueResponse = indexValue
