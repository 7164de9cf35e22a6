import { createHash, randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Delegation } from '../../domain/access/permissions.js'
import { childVisibility } from '../../domain/access/scope.js'
import { canonicalJson } from '../../domain/audit/canonical-json.js'
import { DomainError, notFound } from '../../domain/errors.js'
import { acceptRefusal } from '../../domain/negotiation/lifecycle.js'
import { negotiationRefusalKo } from '../../domain/negotiation/refusal-ko.js'
import {
  acceptancePayload,
  proposalPayload,
  roundPayload,
  EXCHANGE_KINDS,
  type ExchangeKind,
  type ExportBody,
  type ReceivedDocumentView,
} from '../../contracts/exchange.js'
import type { DbOrTrx } from '../../db/database.js'
import { visibleTo } from '../../db/repositories/access-filter.js'
import { authorsOf } from '../../db/repositories/authors.js'
import {
  insertAcceptance,
  insertProposal,
  insertRound,
} from '../../db/repositories/negotiation-rows.js'
import type { Sight, Writer } from '../context.js'
import { factsFor, visibleNegotiation, writeInNegotiation } from '../negotiations/negotiation.js'
import { parseJson } from '../negotiations/negotiation.js'
import { refuseUnlessReportable } from '../negotiations/reported.js'
import { putRevision } from '../record/agreements.js'
import type { InstanceKey } from '../signing/instance-key.js'
import {
  openSignedDocument,
  signDocument,
  type SignedDocument,
} from '../signing/signed-document.js'

/**
 * The signed exchange between two instances (issue 17): our delegation's tabled proposal, round
 * record or acceptance leaves as a document signed with the instance key; the other instance
 * verifies it against the key it registered for us and records the act as received, keeping the
 * whole document. Anything that fails verification or parsing is refused before the first write.
 */

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')
const unprocessable = (message: string, ko: string): DomainError =>
  new DomainError('unprocessable', message, { ko })

const notOurs = (what: string): DomainError =>
  new DomainError(
    'conflict',
    `Only your delegation's own ${what} can be sent: a reported or received act is the other party's to sign.`,
    { ko: '우리 측이 직접 한 행위만 서명하여 보낼 수 있습니다.' },
  )

/** Signs our delegation's act for the other instance; audited (the digest of what left). */
export async function exportItem(
  w: Writer,
  key: InstanceKey | undefined,
  negotiationId: string,
  input: ExportBody,
): Promise<SignedDocument> {
  if (key === undefined)
    throw new DomainError(
      'conflict',
      'This instance has no signing key: set SMA_INSTANCE_KEY_FILE (see docs/deployment.md).',
      { ko: '이 인스턴스에는 서명 키가 없습니다. SMA_INSTANCE_KEY_FILE을 설정하십시오.' },
    )
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    const title = parseJson(z.object({ en: z.string(), ko: z.string() }), negotiation.title_json)
    const ref = { id: negotiation.id, title }
    const payload = await payloadFor(trx, w, party, negotiationId, input, ref)
    const doc = signDocument(key, input.kind, payload, w.now())
    audit({
      action: `exchange.export.${input.kind}`,
      object: `${input.kind}:${input.id}`,
      visibility: negotiation.visibility === 'private' ? 'private' : 'shared',
      payload: { fingerprint: key.fingerprint, digest: sha256(canonicalJson(doc)), at },
    })
    return doc
  })
}

async function payloadFor(
  db: DbOrTrx,
  w: Writer,
  party: Delegation,
  negotiationId: string,
  input: ExportBody,
  negotiation: { id: string; title: { en: string; ko: string } },
): Promise<unknown> {
  if (input.kind === 'round') {
    const r = await db
      .selectFrom('negotiation_rounds')
      .selectAll()
      .where('id', '=', input.id)
      .where('negotiation_id', '=', negotiationId)
      .where(visibleTo(w.scope, 'negotiation_rounds'))
      .executeTakeFirst()
    if (!r) throw notFound()
    if (r.owner_party !== party || r.reported_json != null || r.received_id != null)
      throw notOurs('round records')
    return {
      negotiation,
      party,
      round: {
        number: r.number,
        from: r.date_from,
        to: r.date_to,
        venue: r.venue,
        summary: r.summary,
        sources: parseJson(z.array(z.string()), r.sources_json),
      },
    }
  }
  const p = await db
    .selectFrom('proposals')
    .innerJoin('spec_revisions', 'spec_revisions.revision_id', 'proposals.revision_id')
    .select([
      'proposals.id',
      'proposals.title',
      'proposals.owner_party',
      'proposals.actor_party',
      'proposals.tabled_at',
      'proposals.revision_id',
      'proposals.reported_json',
      'proposals.received_id',
      'spec_revisions.spec_json',
    ])
    .where('proposals.id', '=', input.id)
    .where('proposals.negotiation_id', '=', negotiationId)
    .where(visibleTo(w.scope, 'proposals'))
    .executeTakeFirst()
  if (!p) throw notFound()
  if (input.kind === 'acceptance') {
    const a = await db
      .selectFrom('acceptances')
      .select(['at', 'revision_id', 'reported_json', 'received_id'])
      .where('proposal_id', '=', p.id)
      .where('party', '=', party)
      .orderBy('seq', 'desc')
      .executeTakeFirst()
    if (!a)
      throw new DomainError('conflict', 'Your delegation has not accepted this proposal.', {
        ko: '우리 측이 이 제안을 수락한 기록이 없습니다.',
      })
    if (a.reported_json != null || a.received_id != null) throw notOurs('acceptances')
    return {
      negotiation,
      party,
      acceptance: { proposalTitle: p.title, revisionId: a.revision_id, at: a.at },
    }
  }
  if (p.tabled_at === null)
    throw new DomainError('conflict', 'Only a tabled proposal can be sent; table it first.', {
      ko: '제시된 제안만 보낼 수 있습니다.',
    })
  if (p.owner_party !== party || p.actor_party != null || p.reported_json != null)
    throw notOurs('proposals')
  if (p.received_id != null) throw notOurs('proposals')
  return {
    negotiation,
    party,
    proposal: {
      id: p.id,
      title: p.title,
      tabledAt: p.tabled_at,
      revisionId: p.revision_id,
      spec: JSON.parse(p.spec_json) as unknown,
    },
  }
}

/** Parses a verified payload by its kind; a shape we do not know is refused (nothing stored). */
function parsePayload(doc: SignedDocument) {
  const schema = { proposal: proposalPayload, round: roundPayload, acceptance: acceptancePayload }[
    doc.kind as ExchangeKind
  ]
  const r = schema.safeParse(doc.payload)
  if (!r.success)
    throw unprocessable(
      `The ${doc.kind} in the document is not valid: ${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? ''}`.trim(),
      '문서의 내용이 올바른 형식이 아닙니다.',
    )
  return { kind: doc.kind as ExchangeKind, value: r.data }
}

/**
 * Verifies a signed document against the registered keys and records its act as received in the
 * negotiation: the other party is the actor, our user the receiver, the document kept whole.
 * Refused (nothing stored): not a signed document, unregistered signer, changed after signing,
 * a payload of another shape, an act of a party the key does not speak for, an act of a party
 * present on this instance, or a document already received.
 */
export async function importDocument(
  w: Writer,
  parties: readonly Delegation[],
  negotiationId: string,
  text: string,
): Promise<ReceivedDocumentView> {
  const keys = await w.store.db.selectFrom('instance_keys').selectAll().execute()
  const doc = openSignedDocument(text, EXCHANGE_KINDS, new Set(keys.map((k) => k.fingerprint)))
  const key = keys.find((k) => k.fingerprint === doc.signer.fingerprint)
  if (!key) throw notFound()
  const { kind, value } = parsePayload(doc)
  if (value.party !== key.party)
    throw unprocessable(
      `The document is signed with the ${key.party} instance's key but records a ${value.party} act.`,
      `${key.party} 측 키로 서명되었으나 ${value.party} 측 행위를 담고 있습니다.`,
    )
  const digest = sha256(canonicalJson(doc))
  return writeInNegotiation(w, negotiationId, async ({ trx, audit, party, negotiation, at }) => {
    refuseUnlessReportable(party, value.party, parties)
    const seen = await trx
      .selectFrom('received_documents')
      .select('id')
      .where('owner_party', '=', party)
      .where('document_sha256', '=', digest)
      .executeTakeFirst()
    if (seen)
      throw new DomainError('conflict', 'This document has already been received.', {
        ko: '이미 수신한 문서입니다.',
      })
    const receivedId = randomUUID()
    const visibility = childVisibility(negotiation.visibility, 'shared')
    const place = { negotiationId, owner: party, visibility, at, by: w.actor.id }
    let objectId: string
    if (kind === 'proposal') {
      const p = (value as z.infer<typeof proposalPayload>).proposal
      const rid = await putRevision(trx, p.spec, at)
      objectId = (
        await insertProposal(
          trx,
          place,
          {
            title: p.title,
            revisionId: rid,
            revises: null,
            roundId: null,
            tabledAt: p.tabledAt,
            createdBy: w.actor.id,
            actorParty: value.party,
          },
          { receivedId },
        )
      ).id
    } else if (kind === 'round') {
      const r = (value as z.infer<typeof roundPayload>).round
      const clash = await trx
        .selectFrom('negotiation_rounds')
        .select('id')
        .where('negotiation_id', '=', negotiationId)
        .where('number', '=', r.number)
        .executeTakeFirst()
      if (clash)
        throw new DomainError('conflict', `Round ${r.number} is already recorded.`, {
          ko: `제${r.number}차 협상 회의는 이미 기록되어 있습니다.`,
        })
      objectId = await insertRound(trx, place, r, { receivedId })
    } else {
      const a = (value as z.infer<typeof acceptancePayload>).acceptance
      const p = await trx
        .selectFrom('proposals')
        .select(['id', 'owner_party', 'actor_party', 'visibility', 'tabled_at', 'revision_id'])
        .where('negotiation_id', '=', negotiationId)
        .where('revision_id', '=', a.revisionId)
        .where('tabled_at', 'is not', null)
        .where(visibleTo(w.scope, 'proposals'))
        .orderBy('created_at')
        .executeTakeFirst()
      if (!p)
        throw new DomainError(
          'conflict',
          `No tabled proposal of revision ${a.revisionId} in this negotiation: the accepted text is not here.`,
          { ko: '수락된 제안(개정본)이 이 협상에 없습니다.' },
        )
      const { facts } = await factsFor(trx, w.scope, negotiation)
      const refusal = acceptRefusal(
        { ownerParty: party, visibility: p.visibility, tabledAt: p.tabled_at },
        facts,
      )
      if (refusal !== null)
        throw new DomainError('conflict', refusal, { ko: negotiationRefusalKo(refusal) })
      objectId = await insertAcceptance(
        trx,
        negotiationId,
        {
          party: value.party,
          proposalId: p.id,
          revisionId: p.revision_id,
          at: a.at,
          createdBy: w.actor.id,
        },
        { receivedId },
      )
    }
    await trx
      .insertInto('received_documents')
      .values({
        id: receivedId,
        negotiation_id: negotiationId,
        owner_party: party,
        kind,
        object_id: objectId,
        signer_fingerprint: key.fingerprint,
        signed_at: doc.signedAt,
        document_sha256: digest,
        document_json: JSON.stringify(doc),
        received_at: at,
        received_by: w.actor.id,
      })
      .execute()
    audit({
      action: `exchange.receive.${kind}`,
      object: `${kind}:${objectId}`,
      visibility,
      payload: { fingerprint: key.fingerprint, digest, party: value.party },
    })
    return {
      id: receivedId,
      kind,
      objectId,
      party: value.party,
      fingerprint: key.fingerprint,
      keyLabel: key.label,
      signedAt: doc.signedAt,
      receivedAt: at,
      receivedBy: (await authorsOf(trx, [w.actor.id]))(w.actor.id),
      documentSha256: digest,
    }
  })
}

/** The documents our delegation received in a negotiation, oldest first. */
export async function listReceived(
  r: Sight,
  negotiationId: string,
): Promise<ReceivedDocumentView[]> {
  await visibleNegotiation(r.db, r.scope, negotiationId)
  if (r.scope.kind !== 'delegation') return []
  const rows = await r.db
    .selectFrom('received_documents')
    .innerJoin(
      'instance_keys',
      'instance_keys.fingerprint',
      'received_documents.signer_fingerprint',
    )
    .select([
      'received_documents.id',
      'received_documents.kind',
      'received_documents.object_id',
      'received_documents.signer_fingerprint',
      'received_documents.signed_at',
      'received_documents.received_at',
      'received_documents.received_by',
      'received_documents.document_sha256',
      'instance_keys.party',
      'instance_keys.label',
    ])
    .where('received_documents.negotiation_id', '=', negotiationId)
    .where('received_documents.owner_party', '=', r.scope.party)
    .orderBy('received_documents.received_at')
    .execute()
  const authorOf = await authorsOf(
    r.db,
    rows.map((x) => x.received_by),
  )
  return rows.map((x) => ({
    id: x.id,
    kind: x.kind as ExchangeKind,
    objectId: x.object_id,
    party: x.party,
    fingerprint: x.signer_fingerprint,
    keyLabel: x.label,
    signedAt: x.signed_at,
    receivedAt: x.received_at,
    receivedBy: authorOf(x.received_by),
    documentSha256: x.document_sha256,
  }))
}
