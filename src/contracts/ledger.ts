import { z } from 'zod'
import { currencyCodeSchema } from '../domain/agreement/spec.js'
import { IDENTITIES } from '../domain/ledger/identities.js'
import { PROVENANCES, SOURCE_TIERS } from '../domain/record/sources.js'
import { delegation, idParam, localized, money, ro, text, versionedFields } from './common.js'

/**
 * The execution ledger of an agreement (`GET /api/agreements/{id}/ledger`, the same JSON as
 * `sma ledger <id> --json`): per year the contribution from the agreement engine, the
 * allocation by category, execution, carry-over and lapsed amounts as integer-won strings (null
 * when unknown), each known figure's provenance and sources, the identity checks and the
 * spending rules with their derivations. Built by src/domain/ledger/ledger.ts.
 */
const maybeMoney = money.nullable()
/** Signed integer won (a gap may be negative). */
const signedMoney = z.string().regex(/^-?(0|[1-9]\d{0,20})$/)

export const ledgerFigure = z
  .object({
    amount: money,
    provenance: z.enum(PROVENANCES),
    sources: ro(z.string()),
    note: localized.nullable(),
  })
  .meta({ id: 'LedgerFigure' })

const identityCheck = z.object({
  id: z.enum(IDENTITIES),
  status: z.enum(['holds', 'gap', 'incomplete']),
  left: signedMoney.nullable(),
  right: signedMoney.nullable(),
  gap: signedMoney.nullable(),
  missing: ro(z.string()),
  message: localized,
})

const ruleResult = z.object({
  id: z.string(),
  kind: z.enum(['form-share', 'labor-cost-share', 'use-restriction']),
  status: z.enum(['holds', 'violated', 'unknown', 'not-evaluable']),
  text: localized,
  derivation: localized,
  sources: ro(z.string()),
})

export const ledgerYear = z
  .object({
    year: z.int(),
    contribution: maybeMoney,
    contributionStatus: z.enum(['computed', 'pending', 'unknown']),
    allocated: z.object({
      labor: maybeMoney,
      construction: maybeMoney,
      constructionCash: maybeMoney,
      constructionInKind: maybeMoney,
      logistics: maybeMoney,
      total: maybeMoney,
    }),
    executed: maybeMoney,
    unexecuted: maybeMoney,
    carriedOverIn: maybeMoney,
    carriedOverOut: maybeMoney,
    lapsed: maybeMoney,
    interest: maybeMoney,
    figures: z.record(z.string(), ledgerFigure),
    sources: ro(z.string()),
    checks: ro(identityCheck),
    rules: ro(ruleResult),
    note: localized.nullable(),
    lookedFor: z.string().nullable(),
  })
  .meta({ id: 'LedgerYear' })

const ledgerSource = z.object({
  url: z.string(),
  title: z.string(),
  publisher: localized,
  published: z.string().nullable(),
  tier: z.enum(SOURCE_TIERS),
  lang: z.enum(['ko', 'en', 'ja']),
})

const ledgerBalance = z.object({
  asOf: z.string(),
  what: localized,
  amount: maybeMoney,
  provenance: z.enum(PROVENANCES),
  sources: ro(z.string()),
  note: localized.optional(),
})

export const ledgerResponse = z
  .object({
    agreement: z.string(),
    currency: currencyCodeSchema,
    years: ro(ledgerYear),
    sources: ro(ledgerSource),
    balances: ro(ledgerBalance),
    notFound: ro(z.object({ what: z.string(), lookedFor: z.string() })),
    coverage: z.object({
      categoriesComplete: ro(z.int()),
      executionAndCarryOver: ro(z.int()),
      gaps: ro(z.int()),
    }),
  })
  .meta({ id: 'Ledger' })
export type LedgerResponse = z.infer<typeof ledgerResponse>

/** A delegation's private note on one ledger year (visible to its own party only). */
export const ledgerNoteBody = z
  .strictObject({
    year: z.int().min(1900).max(2200),
    text: text(20000).min(1),
  })
  .meta({ id: 'LedgerNoteBody' })
export type LedgerNoteInput = z.infer<typeof ledgerNoteBody>

const { negotiationId: _n, ...noteVersion } = versionedFields
export const ledgerNoteView = z
  .object({
    ...noteVersion,
    agreementId: z.string(),
    ownerParty: delegation,
    ...ledgerNoteBody.shape,
  })
  .meta({ id: 'LedgerNote' })
export type LedgerNoteView = z.infer<typeof ledgerNoteView>
export const ledgerNotesResponse = z
  .object({ notes: ro(ledgerNoteView) })
  .meta({ id: 'LedgerNoteList' })
export const ledgerNoteResponse = z
  .object({ note: ledgerNoteView })
  .meta({ id: 'LedgerNoteResponse' })
export const ledgerNoteParams = z.strictObject({ id: idParam, nid: idParam })
