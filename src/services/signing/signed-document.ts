import { canonicalJson } from '../../domain/audit/canonical-json.js'
import { DomainError } from '../../domain/errors.js'
import { publicKeyFingerprint, verifySignature, type InstanceKey } from './instance-key.js'

/** The envelope format's name and version, first field a reader checks. */
export const SIGNED_FORMAT = 'sma-desk-signed/1'

/**
 * A signed document: what an instance writes (audit checkpoints, exchanged proposals and acts).
 * The signature covers the canonical JSON of every other field, so any changed byte of the
 * payload, kind, time or signer invalidates it.
 */
export interface SignedDocument<T = unknown> {
  readonly format: typeof SIGNED_FORMAT
  /** What the payload is, e.g. `audit-checkpoint`, `proposal`, `round`, `acceptance`. */
  readonly kind: string
  /** ISO 8601 UTC time of signing (from the caller's clock). */
  readonly signedAt: string
  readonly signer: { readonly fingerprint: string; readonly publicKey: string }
  readonly payload: T
  /** Ed25519 signature, base64, of canonicalJson of the document without this field. */
  readonly signature: string
}

const refused = (message: string, ko: string): DomainError =>
  new DomainError('unprocessable', message, { ko })

/**
 * Signs a payload into a document. The payload must be canonical-JSON encodable (strings, safe
 * integers, booleans, null, arrays, objects): money goes as integer-won strings.
 * @example signDocument(key, 'audit-checkpoint', { heads: [] }, new Date('2026-12-03T00:00:00Z'))
 *   // { format: 'sma-desk-signed/1', kind: 'audit-checkpoint', signedAt: '2026-12-03T00:00:00.000Z', … }
 */
export function signDocument<T>(
  key: InstanceKey,
  kind: string,
  payload: T,
  now: Date,
): SignedDocument<T> {
  const unsigned = {
    format: SIGNED_FORMAT,
    kind,
    signedAt: now.toISOString(),
    signer: { fingerprint: key.fingerprint, publicKey: key.publicKeyPem },
    payload,
  } as const
  return { ...unsigned, signature: key.sign(canonicalJson(unsigned)) }
}

/**
 * Parses and verifies a signed document's text. `trusted` lists the fingerprints whose
 * signatures are accepted (another instance's registered key; one's own key for checkpoints).
 * Refuses (unprocessable, naming the reason) text that is not JSON, not this format, of another
 * kind, signed by an unregistered key, or whose signature does not match — so nothing is
 * stored from a tampered or unsigned file.
 */
export function openSignedDocument(
  text: string,
  expectedKinds: readonly string[],
  trusted: ReadonlySet<string>,
): SignedDocument {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw refused('The file is not JSON.', '파일이 JSON 형식이 아닙니다.')
  }
  if (!isEnvelope(doc))
    throw refused(
      `The file is not a signed SMA Desk document (${SIGNED_FORMAT}).`,
      '서명된 SMA Desk 문서가 아닙니다.',
    )
  if (!expectedKinds.includes(doc.kind))
    throw refused(
      `The document is a ${doc.kind}, not ${expectedKinds.join(' or ')}.`,
      `문서 종류(${doc.kind})가 맞지 않습니다.`,
    )
  const fingerprint = publicKeyFingerprint(doc.signer.publicKey)
  if (fingerprint !== doc.signer.fingerprint)
    throw refused(
      'The signer fingerprint does not match its public key.',
      '서명자 지문이 공개 키와 일치하지 않습니다.',
    )
  if (!trusted.has(fingerprint))
    throw refused(
      `The document is signed by ${fingerprint}, which is not a registered key.`,
      `등록되지 않은 키(${fingerprint})로 서명된 문서입니다.`,
    )
  const { signature, ...unsigned } = doc
  if (!verifySignature(doc.signer.publicKey, canonicalJson(unsigned), signature))
    throw refused(
      'The signature does not match the document: it was changed after signing.',
      '서명이 문서와 일치하지 않습니다. 서명 후 문서가 변경되었습니다.',
    )
  return doc
}

function isEnvelope(v: unknown): v is SignedDocument {
  if (typeof v !== 'object' || v === null) return false
  const d = v as Record<string, unknown>
  const s = d.signer as Record<string, unknown> | null | undefined
  return (
    d.format === SIGNED_FORMAT &&
    typeof d.kind === 'string' &&
    typeof d.signedAt === 'string' &&
    typeof d.signature === 'string' &&
    'payload' in d &&
    typeof s === 'object' &&
    s !== null &&
    typeof s.fingerprint === 'string' &&
    typeof s.publicKey === 'string'
  )
}
