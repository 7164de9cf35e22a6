import type { BadgeKind } from '../features/agreement/labels'
import { useLang } from '../i18n/i18n'

export function Badge({ kind }: { readonly kind: BadgeKind }) {
  const { t } = useLang()
  return (
    <span className={`badge badge-${kind}`} data-badge={kind}>
      {kind === 'match' && <span aria-hidden="true">✓ </span>}
      {t(`badge.${kind}`)}
    </span>
  )
}
