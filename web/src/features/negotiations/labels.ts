import type { Translate } from '../../i18n/keys'
import type { DeadlineView } from '../../../../src/contracts/negotiations.js'
import type { EventKind } from '../../../../src/domain/negotiation/lifecycle.js'
import { formatDate, type Lang } from '../../i18n/format'
import { isBilingual, textIn } from '../../../../src/domain/text/localized.js'

const KNOWN_DEADLINES = ['predecessor-expiry', 'external', 'election', 'ratification'] as const
type KnownDeadline = (typeof KNOWN_DEADLINES)[number]

/**
 * A deadline in the reader's language. The shipped record's labels are bilingual and shown in the
 * reader's language; a label a user typed (one language) is shown as typed, in Korean behind the
 * translated kind so the page still says what falls due.
 */
export function deadlineLabel(d: DeadlineView, t: Translate, lang: Lang): string {
  if (lang === 'en' || isBilingual(d.label)) return textIn(d.label, lang)
  const kind = (KNOWN_DEADLINES as readonly string[]).includes(d.kind)
    ? t(`deadline.${d.kind as KnownDeadline}`)
    : t('deadline.other')
  return `${kind} — ${d.label}`
}

/** The steps of a negotiation's life shown on its page, in order. */
export const LIFECYCLE_KINDS: readonly EventKind[] = [
  'opened',
  'text-agreed',
  'initialled',
  'signed',
  'domestic-procedure',
  'entry-into-force',
]

/** A negotiation's lapse in words: ongoing since a day, or from one day to another. */
export function lapseText(
  lapse: { readonly from: string; readonly to: string | null; readonly ongoing: boolean },
  t: Translate,
  lang: Lang,
): string {
  return lapse.ongoing || lapse.to === null
    ? t('negotiation.lapseOngoing', { from: formatDate(lapse.from, lang) })
    : `${formatDate(lapse.from, lang)} – ${formatDate(lapse.to, lang)}`
}
