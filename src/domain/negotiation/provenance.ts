import type { Lang } from '../text/localized.js'

/**
 * How an act of the other party is known (issue 17), in the words exports and briefs print:
 * reported by us from a source, or received in a signed document whose signature was verified.
 * An act with neither was asserted by its own party on this instance.
 */
export interface ProvenanceFacts {
  readonly reported?: {
    readonly source: { readonly kind: string; readonly ref: string; readonly date: string }
  } | null
  readonly received?: { readonly fingerprint: string } | null
}

/** The official wording of a reported act (docs/glossary.md). */
export const REPORTED_LABEL: Record<Lang, string> = {
  ko: '우리 측 기록(상대측 행위)',
  en: 'reported by us (the other party’s act)',
}
/** The wording of an act received in a verified signed document. */
export const RECEIVED_LABEL: Record<Lang, string> = {
  ko: '상대측 서명 문서 수신(서명 검증)',
  en: 'received signed (signature verified)',
}

/**
 * The label of an act's provenance with its source, or null for an asserted act. The fingerprint
 * is shortened to its first 12 hex digits (enough to compare by eye with the registered key).
 * @example provenanceLabel({ reported: { source: { kind: 'minutes', ref: 'Round 3 minutes', date: '2030-03-15' } } }, 'en')
 *   // 'reported by us (the other party’s act) · source: Round 3 minutes, 2030-03-15'
 */
export function provenanceLabel(p: ProvenanceFacts, lang: Lang): string | null {
  if (p.reported) {
    const s = p.reported.source
    return `${REPORTED_LABEL[lang]} · ${lang === 'ko' ? '출처' : 'source'}: ${s.ref}, ${s.date}`
  }
  if (p.received) {
    return `${RECEIVED_LABEL[lang]} · ${p.received.fingerprint.slice(0, 19)}…`
  }
  return null
}
