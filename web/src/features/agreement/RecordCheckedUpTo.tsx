import { useRecord } from '../../api/record'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'

/**
 * "Record checked up to <date>": the day the record was last checked against its sources (from
 * the source registry the server sends with the record), so a reader knows how current it is.
 */
export function RecordCheckedUpTo() {
  const { t, lang } = useLang()
  const day = useRecord().data?.sources?.checkedUpTo
  if (day === undefined) return null
  return (
    <p className="muted checked-up-to" data-testid="checked-up-to">
      {t('record.checkedUpTo', { date: formatDate(day, lang) })}
    </p>
  )
}
