import { useState, type SyntheticEvent } from 'react'
import { useCan, useSession } from '../../api/session'
import { useLang } from '../../i18n/i18n'
import { ErrorBox, Loading } from '../../ui/Status'
import { useCreateLedgerNote, useLedgerNotes } from './api'

/**
 * The viewer's own delegation's notes on ledger years: read from the endpoint that answers only
 * the viewer's party; nothing is shown to visitors or the PUBLIC party.
 */
export function LedgerNotes({
  agreementId,
  years,
}: {
  readonly agreementId: string
  readonly years: readonly number[]
}) {
  const { t } = useLang()
  const user = useSession().data?.user
  const delegation = user !== undefined && (user.party === 'KR' || user.party === 'US')
  const notes = useLedgerNotes(agreementId, delegation)
  const canWrite = useCan('position:write')
  const create = useCreateLedgerNote(agreementId)
  const [year, setYear] = useState(years[0] ?? 0)
  const [text, setText] = useState('')
  if (!user || !delegation) return null
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    create.mutate(
      { year, text },
      {
        onSuccess: () => {
          setText('')
        },
      },
    )
  }
  return (
    <section
      className="private-area"
      aria-labelledby="ledger-notes-h"
      data-testid="ledger-notes"
      data-party={user.party}
    >
      <h2 id="ledger-notes-h">{t('ledger.notes', { party: t(`partyAdj.${user.party}`) })}</h2>
      {notes.isPending && <Loading />}
      {notes.isError && <ErrorBox error={notes.error} onRetry={notes.refetch} />}
      {notes.data?.length === 0 && <p className="muted">{t('ledger.noNotes')}</p>}
      {notes.data && notes.data.length > 0 && (
        <ul data-testid="ledger-note-list">
          {notes.data.map((n) => (
            <li key={n.id}>
              <strong>{n.year}</strong>: {n.text}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form onSubmit={submit} className="ledger-note-form">
          <label>
            {t('agreement.year')}{' '}
            <select
              value={year}
              onChange={(e) => {
                setYear(Number(e.target.value))
              }}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ledger.noteText')}
            <textarea
              value={text}
              required
              maxLength={20000}
              onChange={(e) => {
                setText(e.target.value)
              }}
            />
          </label>
          <button type="submit" disabled={create.isPending || text.trim() === ''}>
            {t('ledger.saveNote')}
          </button>
          {create.isError && <ErrorBox error={create.error} />}
        </form>
      )}
    </section>
  )
}
