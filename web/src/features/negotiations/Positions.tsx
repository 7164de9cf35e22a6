import { useState, type SyntheticEvent } from 'react'
import type { PositionInput, PositionView } from '../../../../src/contracts/positions.js'
import { ApiError } from '../../api/client'
import { useCan } from '../../api/session'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Field, TextAreaField } from '../../ui/Field'
import { Money } from '../../ui/Money'
import { MoneyField } from '../../ui/MoneyField'
import { wonOfText } from '../../ui/money-text'
import { ErrorBox, Loading } from '../../ui/Status'
import { useCreatePosition, usePositions } from './api'
import { useUpdatePosition } from './positions-api'

/**
 * The delegation's own positions: reservation value and target (won per year, the average over
 * the term, like the analysis' default measure), priorities, our estimate of the other side, notes.
 * Edits replace the position with If-Match; when a colleague saved first, the form keeps what the
 * reader typed and says so, instead of overwriting their colleague's version.
 */
export function Positions({ negotiationId }: { readonly negotiationId: string }) {
  const { t } = useLang()
  const positions = usePositions(negotiationId, true)
  const canWrite = useCan('position:write')
  return (
    <>
      <h3>{t('private.positions')}</h3>
      {positions.isPending && <Loading />}
      {positions.isError && <ErrorBox error={positions.error} onRetry={positions.refetch} />}
      {positions.data?.length === 0 && <p className="muted">{t('private.noPositions')}</p>}
      {positions.data && positions.data.length > 0 && (
        <ul className="positions" data-testid="positions">
          {positions.data.map((p) => (
            <PositionItem key={p.id} p={p} negotiationId={negotiationId} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {canWrite && <NewPosition negotiationId={negotiationId} />}
    </>
  )
}

function PositionItem({
  p,
  negotiationId,
  canWrite,
}: {
  readonly p: PositionView
  readonly negotiationId: string
  readonly canWrite: boolean
}) {
  const { t, lang } = useLang()
  const [editing, setEditing] = useState(false)
  return (
    <li className="card" data-testid="position">
      <strong>{p.title}</strong>{' '}
      <span className="muted small">
        {t('position.savedOn', { date: formatDate(p.updatedAt.slice(0, 10), lang) })}
      </span>
      {editing ? (
        <EditPosition
          p={p}
          negotiationId={negotiationId}
          onDone={() => {
            setEditing(false)
          }}
        />
      ) : (
        <>
          <PositionFacts p={p} />
          {canWrite && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setEditing(true)
              }}
            >
              {t('position.edit')}
            </button>
          )}
        </>
      )}
    </li>
  )
}

function PositionFacts({ p }: { readonly p: PositionView }) {
  const { t } = useLang()
  return (
    <dl className="facts">
      <dt>{t('position.reservationPerYear')}</dt>
      <dd data-testid="position-reservation">
        <Money minor={p.reservationValue} currency="KRW" />
      </dd>
      <dt>{t('position.targetPerYear')}</dt>
      <dd>
        <Money minor={p.target} currency="KRW" />
      </dd>
      {p.priorities.length > 0 && (
        <>
          <dt>{t('position.priorities')}</dt>
          <dd>
            <ol className="priorities">
              {p.priorities.map((x, i) => (
                <li key={i}>{x}</li>
              ))}
            </ol>
          </dd>
        </>
      )}
      <dt>{t('position.otherReservation')}</dt>
      <dd>
        <Money minor={p.estimateOfOther.reservationValue} currency="KRW" />
      </dd>
      <dt>{t('position.otherTarget')}</dt>
      <dd>
        <Money minor={p.estimateOfOther.target} currency="KRW" />
      </dd>
      {p.estimateOfOther.notes && (
        <>
          <dt>{t('position.otherNotes')}</dt>
          <dd>{p.estimateOfOther.notes}</dd>
        </>
      )}
      {p.notes && (
        <>
          <dt>{t('private.notes')}</dt>
          <dd>{p.notes}</dd>
        </>
      )}
    </dl>
  )
}

/** The form's text fields; money as typed (parsed on the fly), priorities one per line. */
interface Draft {
  title: string
  reservation: string
  target: string
  priorities: string
  otherReservation: string
  otherTarget: string
  otherNotes: string
  notes: string
}
const EMPTY: Draft = {
  title: '',
  reservation: '',
  target: '',
  priorities: '',
  otherReservation: '',
  otherTarget: '',
  otherNotes: '',
  notes: '',
}
const draftOf = (p: PositionView): Draft => ({
  title: p.title,
  reservation: p.reservationValue ?? '',
  target: p.target ?? '',
  priorities: p.priorities.join('\n'),
  otherReservation: p.estimateOfOther.reservationValue ?? '',
  otherTarget: p.estimateOfOther.target ?? '',
  otherNotes: p.estimateOfOther.notes,
  notes: p.notes,
})

/** The body to send, or null while a field is not valid. */
function positionBodyOf(d: Draft): PositionInput | null {
  const money = [d.reservation, d.target, d.otherReservation, d.otherTarget].map(wonOfText)
  const [r, tg, or, ot] = money
  if (d.title.trim() === '' || money.some((m) => m === undefined)) return null
  return {
    title: d.title.trim(),
    reservationValue: r ?? null,
    target: tg ?? null,
    priorities: d.priorities
      .split('\n')
      .map((x) => x.trim())
      .filter((x) => x !== ''),
    estimateOfOther: { reservationValue: or ?? null, target: ot ?? null, notes: d.otherNotes },
    notes: d.notes,
  }
}

function PositionForm({
  draft,
  set,
  idPrefix,
}: {
  readonly draft: Draft
  readonly set: (patch: Partial<Draft>) => void
  readonly idPrefix: string
}) {
  const { t } = useLang()
  return (
    <>
      <Field
        label={t('private.positionTitle')}
        value={draft.title}
        required
        onValue={(v) => {
          set({ title: v })
        }}
      />
      <fieldset>
        <legend>{t('position.ours')}</legend>
        <div className="form-grid">
          <MoneyField
            label={t('position.reservationPerYear')}
            value={draft.reservation}
            testId={`${idPrefix}-reservation`}
            onValue={(v) => {
              set({ reservation: v })
            }}
          />
          <MoneyField
            label={t('position.targetPerYear')}
            value={draft.target}
            testId={`${idPrefix}-target`}
            onValue={(v) => {
              set({ target: v })
            }}
          />
        </div>
        <TextAreaField
          label={t('position.priorities')}
          hint={t('position.prioritiesHint')}
          rows={3}
          value={draft.priorities}
          onValue={(v) => {
            set({ priorities: v })
          }}
        />
      </fieldset>
      <fieldset>
        <legend>{t('position.estimateOfOther')}</legend>
        <div className="form-grid">
          <MoneyField
            label={t('position.otherReservation')}
            value={draft.otherReservation}
            onValue={(v) => {
              set({ otherReservation: v })
            }}
          />
          <MoneyField
            label={t('position.otherTarget')}
            value={draft.otherTarget}
            onValue={(v) => {
              set({ otherTarget: v })
            }}
          />
        </div>
        <TextAreaField
          label={t('position.otherNotes')}
          rows={2}
          value={draft.otherNotes}
          onValue={(v) => {
            set({ otherNotes: v })
          }}
        />
      </fieldset>
      <TextAreaField
        label={t('private.notes')}
        value={draft.notes}
        rows={2}
        onValue={(v) => {
          set({ notes: v })
        }}
      />
    </>
  )
}

function NewPosition({ negotiationId }: { readonly negotiationId: string }) {
  const { t } = useLang()
  const create = useCreatePosition(negotiationId)
  const [draft, setDraft] = useState(EMPTY)
  const body = positionBodyOf(draft)
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (body === null) return
    create.mutate(body, {
      onSuccess: () => {
        setDraft(EMPTY)
      },
    })
  }
  return (
    <form className="stacked-form" onSubmit={submit} aria-labelledby="new-position-h">
      <h4 id="new-position-h">{t('private.newPosition')}</h4>
      <PositionForm
        draft={draft}
        idPrefix="new-position"
        set={(patch) => {
          setDraft((d) => ({ ...d, ...patch }))
        }}
      />
      <button type="submit" disabled={body === null || create.isPending}>
        {t('private.savePosition')}
      </button>
      {create.isError && <ErrorBox error={create.error} />}
    </form>
  )
}

function EditPosition({
  p,
  negotiationId,
  onDone,
}: {
  readonly p: PositionView
  readonly negotiationId: string
  readonly onDone: () => void
}) {
  const { t } = useLang()
  const update = useUpdatePosition(negotiationId)
  const [draft, setDraft] = useState(() => draftOf(p))
  // The version the edit started from: a newer one from the server does not silently replace it.
  const [base, setBase] = useState(p)
  const body = positionBodyOf(draft)
  const conflict = update.error instanceof ApiError && update.error.status === 412
  const newer = p.etag !== base.etag
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (body === null) return
    update.mutate({ p: base, body }, { onSuccess: onDone })
  }
  return (
    <form
      className="stacked-form"
      onSubmit={submit}
      aria-label={t('position.editing', { title: p.title })}
    >
      <PositionForm
        draft={draft}
        idPrefix="edit-position"
        set={(patch) => {
          setDraft((d) => ({ ...d, ...patch }))
        }}
      />
      {conflict && (
        <div className="error-box" role="alert" data-testid="position-conflict">
          <p>{t('position.conflict')}</p>
          {newer && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setBase(p)
                setDraft(draftOf(p))
                update.reset()
              }}
            >
              {t('position.loadTheirs')}
            </button>
          )}
        </div>
      )}
      {update.isError && !conflict && <ErrorBox error={update.error} />}
      <div className="actions">
        <button type="submit" disabled={body === null || update.isPending || conflict}>
          {t('position.saveChanges')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('position.cancel')}
        </button>
      </div>
    </form>
  )
}
