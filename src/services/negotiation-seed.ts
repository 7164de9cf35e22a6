import { z } from 'zod'
import { EVENT_KINDS } from '../domain/negotiation/lifecycle.js'
import { localizedSchema } from '../domain/text/localized.js'

/**
 * The shape of `data/negotiations/*.json`: the negotiation history as recorded in the sources,
 * every fact with its source URLs. Loaded by the seeder on first start. Every free text is given
 * in both languages (`{ en, ko }`, the shape of the agreement specs' texts): the shipped history is
 * our record, and Korean pages show it in Korean (decision 0019).
 */
const sources = z.array(z.url()).min(1)
const isoDate = z.iso.date()

export const negotiationSeedSchema = z.strictObject({
  schema: z.literal('sma-desk/negotiation@1'),
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: localizedSchema,
  replaces: z.string().nullable(),
  successor: z.string().nullable(),
  visibility: z.enum(['public', 'shared']),
  sources,
  deadlines: z.array(
    z.strictObject({ kind: z.string().min(1), date: isoDate, label: localizedSchema, sources }),
  ),
  delegations: z.array(
    z.strictObject({
      party: z.enum(['KR', 'US']),
      agencies: z.array(z.string().min(1)),
      sources,
      members: z.array(
        z.strictObject({
          name: localizedSchema,
          title: localizedSchema.nullable(),
          agency: z.string().min(1),
          role: z.string().min(1),
        }),
      ),
    }),
  ),
  rounds: z.array(
    z.strictObject({
      number: z.int().min(1),
      from: isoDate,
      to: isoDate.nullable(),
      venue: localizedSchema,
      summary: localizedSchema.nullable(),
      sources,
    }),
  ),
  /** The agreed text: the record's agreement spec, accepted by both parties on `agreedOn`. */
  outcome: z
    .strictObject({
      agreement: z.string().min(1),
      title: localizedSchema,
      agreedOn: isoDate,
      sources,
    })
    .nullable(),
  events: z.array(
    z.strictObject({
      kind: z.enum(EVENT_KINDS),
      date: isoDate,
      party: z.enum(['KR', 'US']).nullable(),
      note: localizedSchema,
      /** True when the date is inferred from another recorded fact rather than stated. */
      inferred: z.boolean().optional(),
      sources,
    }),
  ),
})
export type NegotiationSeed = z.infer<typeof negotiationSeedSchema>
