import { z } from 'zod'
import { agreementSpec } from './domain-shapes.js'
import {
  author,
  delegation,
  idParam,
  isoDate,
  list,
  localized,
  ro,
  sources,
  text,
  wrap,
} from './common.js'
import { EVENT_KINDS } from '../domain/negotiation/lifecycle.js'

/**
 * Acts recorded as reported by us, and documents received from another instance (issue 17):
 * the shapes of what goes in and out. Reported acts exist only in a delegation's own instance.
 */
export const REPORTED_SOURCE_KINDS = [
  'tabled-text',
  'minutes',
  'press-release',
  'statement',
  'other',
] as const
/** Where a reported act is known from: the tabled text, a round's minutes, a press release… */
export const reportedSource = z
  .strictObject({
    kind: z.enum(REPORTED_SOURCE_KINDS),
    /** A URL or a document reference (e.g. a diplomatic note's number). */
    ref: z.string().trim().min(1).max(2000),
    /** The date of the source. */
    date: isoDate,
  })
  .meta({ id: 'ReportedSource' })
export type ReportedSource = z.infer<typeof reportedSource>

/** On a view: this act of the other party was recorded by `party` (us) from `source`. */
export const reportedView = z
  .object({ party: delegation, by: author.nullable(), source: reportedSource })
  .meta({ id: 'Reported' })
export type ReportedView = z.infer<typeof reportedView>

/** On a view: this act arrived as a signed document whose signature was verified on import. */
export const receivedView = z
  .object({
    documentId: z.string(),
    fingerprint: z.string(),
    signedAt: z.string(),
    receivedAt: z.string(),
  })
  .meta({ id: 'Received' })
export type ReceivedView = z.infer<typeof receivedView>

export const reportedProposalBody = z
  .strictObject({
    /** The delegation that tabled it (the other party). */
    party: delegation,
    title: z.string().min(1).max(300),
    spec: agreementSpec,
    /** The day it was tabled (defaults to the source's date). */
    tabledOn: isoDate.optional(),
    roundId: idParam.nullable().optional(),
    revises: idParam.nullable().optional(),
    source: reportedSource,
  })
  .meta({ id: 'ReportedProposalBody' })
export type ReportedProposalBody = z.infer<typeof reportedProposalBody>

export const reportedReplyBody = z
  .strictObject({
    /** The delegation that replied (the other party). */
    party: delegation,
    reply: z.enum(['accept', 'reject']),
    /** Required for a rejection: the reason the other party gave. */
    reason: z.string().trim().min(1).max(5000).optional(),
    /** The day of the reply (defaults to the source's date). */
    on: isoDate.optional(),
    source: reportedSource,
  })
  .meta({ id: 'ReportedReplyBody' })
export type ReportedReplyBody = z.infer<typeof reportedReplyBody>

export const reportedEventBody = z
  .strictObject({
    kind: z.enum(EVENT_KINDS),
    date: isoDate,
    /** The acting party (the other one); null for a mutual act, whose other half is reported. */
    party: delegation.nullable(),
    note: z.string().min(1).max(5000),
    sources: sources.default([]),
    source: reportedSource,
  })
  .meta({ id: 'ReportedEventBody' })
export type ReportedEventBody = z.infer<typeof reportedEventBody>

export const reportedRoundBody = z
  .strictObject({
    /** Whose record of the round this is (the other party's minutes, press release…). */
    party: delegation,
    number: z.int().min(1).max(1000),
    from: isoDate,
    to: isoDate.nullable(),
    venue: z.string().min(1).max(300),
    summary: text(5000),
    sources: sources.default([]),
    source: reportedSource,
  })
  .meta({ id: 'ReportedRoundBody' })
export type ReportedRoundBody = z.infer<typeof reportedRoundBody>

export const reportedCreated = z
  .object({ id: z.string(), reported: z.literal(true) })
  .meta({ id: 'ReportedCreated' })
export type ReportedCreated = z.infer<typeof reportedCreated>

/** This instance's public key, for the other instance to register. */
export const instanceKeyResponse = z
  .object({
    parties: ro(delegation),
    mode: z.enum(['shared', 'single']),
    key: z.object({ fingerprint: z.string(), publicKey: z.string() }).nullable(),
  })
  .meta({ id: 'InstanceKey' })
export type InstanceKeyResponse = z.infer<typeof instanceKeyResponse>

export const registeredKeyView = z
  .object({
    fingerprint: z.string(),
    party: delegation,
    label: z.string(),
    publicKey: z.string(),
    registeredAt: z.string(),
    registeredBy: author.nullable(),
  })
  .meta({ id: 'RegisteredKey' })
export type RegisteredKeyView = z.infer<typeof registeredKeyView>
export const registeredKeysResponse = list('keys', registeredKeyView, 'RegisteredKeyList')
export const registerKeyBody = z
  .strictObject({
    /** The delegation whose instance signs with this key. */
    party: delegation,
    label: z.string().trim().min(1).max(200),
    /** SPKI PEM of the other instance's Ed25519 public key (`sma exchange key`). */
    publicKey: z.string().min(1).max(4000),
    /** The fingerprint read out by the other instance, checked against the key (optional). */
    fingerprint: z.string().max(100).optional(),
  })
  .meta({ id: 'RegisterKeyBody' })
export type RegisterKeyBody = z.infer<typeof registerKeyBody>

export const EXCHANGE_KINDS = ['proposal', 'round', 'acceptance'] as const
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number]
export const exportBody = z
  .strictObject({ kind: z.enum(EXCHANGE_KINDS), id: idParam })
  .meta({ id: 'ExchangeExportBody' })
export type ExportBody = z.infer<typeof exportBody>

/** A signed document as sent (the envelope of src/services/signing/signed-document.ts). */
export const signedDocumentSchema = z
  .object({
    format: z.literal('sma-desk-signed/1'),
    kind: z.string(),
    signedAt: z.string(),
    signer: z.object({ fingerprint: z.string(), publicKey: z.string() }),
    payload: z.unknown(),
    signature: z.string(),
  })
  .meta({ id: 'SignedDocument' })

export const importBody = z
  .strictObject({
    /** The file's text exactly as received (any changed byte fails verification). */
    document: z.string().min(1).max(900_000),
  })
  .meta({ id: 'ExchangeImportBody' })
export type ImportBody = z.infer<typeof importBody>

export const receivedDocumentView = z
  .object({
    id: z.string(),
    kind: z.enum(EXCHANGE_KINDS),
    objectId: z.string(),
    party: delegation,
    fingerprint: z.string(),
    keyLabel: z.string(),
    signedAt: z.string(),
    receivedAt: z.string(),
    receivedBy: author.nullable(),
    documentSha256: z.string(),
  })
  .meta({ id: 'ReceivedDocument' })
export type ReceivedDocumentView = z.infer<typeof receivedDocumentView>
export const receivedDocumentsResponse = list(
  'received',
  receivedDocumentView,
  'ReceivedDocumentList',
)
export const importedResponse = wrap('received', receivedDocumentView, 'Imported')

/**
 * What a signed exchange document carries (its `payload`), per kind: the negotiation it belongs
 * to, the party whose act it is, and the act. Parsed strictly on import: anything else is refused.
 */
const negotiationRef = z.strictObject({ id: z.string().max(128), title: localized })
export const proposalPayload = z.strictObject({
  negotiation: negotiationRef,
  party: delegation,
  proposal: z.strictObject({
    id: z.string().max(128),
    title: z.string().min(1).max(300),
    tabledAt: z.string().max(40),
    revisionId: z.string().max(200),
    spec: agreementSpec,
  }),
})
export const roundPayload = z.strictObject({
  negotiation: negotiationRef,
  party: delegation,
  round: z.strictObject({
    number: z.int().min(1).max(1000),
    from: isoDate,
    to: isoDate.nullable(),
    venue: z.string().min(1).max(300),
    summary: text(5000),
    sources,
  }),
})
export const acceptancePayload = z.strictObject({
  negotiation: negotiationRef,
  party: delegation,
  acceptance: z.strictObject({
    proposalTitle: z.string().max(300),
    /** The accepted revision: content-addressed, so the receiver finds its own copy of it. */
    revisionId: z.string().max(200),
    at: z.string().max(40),
  }),
})
export type ProposalPayload = z.infer<typeof proposalPayload>
export type RoundPayload = z.infer<typeof roundPayload>
export type AcceptancePayload = z.infer<typeof acceptancePayload>
