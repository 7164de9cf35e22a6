import type { TFunction } from 'i18next'
import type { Deadline, EventKind } from '../../api/types'
import type { Lang } from '../../i18n/format'

const KNOWN_DEADLINES = ['predecessor-expiry', 'external', 'election', 'ratification'] as const
type KnownDeadline = (typeof KNOWN_DEADLINES)[number]

/**
 * A deadline in the reader's language. Recorded labels are English source text: shown as such in
 * English, and behind the translated kind in Korean (the full label stays in the hover title).
 */
export function deadlineLabel(d: Deadline, t: TFunction, lang: Lang): string {
  if (lang === 'en') return d.label
  const kind = (KNOWN_DEADLINES as readonly string[]).includes(d.kind)
    ? t(`deadline.${d.kind as KnownDeadline}`)
    : t('deadline.other')
  return `${kind} — ${d.label}`
}

export const LIFECYCLE_KINDS: readonly EventKind[] = [
  'opened',
  'text-agreed',
  'initialled',
  'signed',
  'domestic-procedure',
  'entry-into-force',
]
