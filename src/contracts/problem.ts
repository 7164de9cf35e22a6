import { z } from 'zod'

/** An RFC 9457 problem document: every error the API sends. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    /** The detail in Korean, when the server words it in both languages (the web shows it). */
    detailKo: z.string().optional(),
    instance: z.string().optional(),
    /** Where the request was wrong: JSON pointers into the body, query or headers. */
    errors: z
      .array(
        z.object({
          pointer: z.string(),
          detail: z.string(),
          /** The detail in Korean, where the server words it in both languages. */
          detailKo: z.string().optional(),
        }),
      )
      .optional(),
    /** On 412: the ETag the resource has now. */
    currentETag: z.string().optional(),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof problemSchema>
