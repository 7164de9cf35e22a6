import { useState, type SyntheticEvent } from 'react'
import { Link } from 'react-router'
import type { PositionView } from '../../../../src/contracts/positions.js'
import { principalOf, useCan, useSession } from '../../api/session'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Field, TextAreaField } from '../../ui/Field'
import { Money } from '../../ui/Money'
import { ErrorBox, Loading } from '../../ui/Status'
import { useCreatePosition, usePositions, useProposals } from './api'
import { ProposalCompare } from './ProposalCompare'
import { ownDrafts, wonFromInput } from './view'

/**
 * The viewer's own party's private material. It comes only from endpoints that answer with the
 * viewer's own party's records; the UI never asks for another party's.
 */
export function PrivateArea({
  negotiationId,
  replaces,
}: {
  readonly negotiationId: string
  readonly replaces: string | null
}) {
  const { t } = useLang()
  const user = useSession().data?.user
  const positions = usePositions(negotiationId, true)
  const proposals = useProposals(negotiationId)
  const drafts = ownDrafts(proposals.data ?? [], principalOf(user))
  const canWritePositions = useCan('position:write')
  if (!user) return null
  return (
    <section
      className="private-area"
      aria-labelledby="private-h"
      data-testid="private-area"
      data-party={user.party}
    >
      <h2 id="private-h">{t('private.onlyParty', { party: t(`partyAdj.${user.party}`) })}</h2>
      <h3>{t('private.positions')}</h3>
      {positions.isPending && <Loading />}
      {positions.isError && <ErrorBox error={positions.error} />}
      {positions.data?.length === 0 && <p className="muted">{t('private.noPositions')}</p>}
      {positions.data && positions.data.length > 0 && (
        <ul className="positions" data-testid="positions">
          {positions.data.map((p) => (
            <PositionItem key={p.id} p={p} />
          ))}
        </ul>
      )}
      {canWritePositions && <NewPositionForm negotiationId={negotiationId} />}
      <h3>{t('private.drafts')}</h3>
      {drafts.length === 0 ? (
        <p className="muted">
          {t('private.noDrafts')}{' '}
          {replaces !== null && (
            <Link to={`/agreements/${replaces}/what-if`}>{t('whatIf.open')}</Link>
          )}
        </p>
      ) : (
        <>
          <ProposalCompare proposals={drafts} testId="private-drafts" />
          <p className="small muted">{t('workflow.draftsOnBoard')}</p>
        </>
      )}
    </section>
  )
}

function PositionItem({ p }: { readonly p: PositionView }) {
  const { t, lang } = useLang()
  return (
    <li className="card" data-testid="position">
      <strong>{p.title}</strong>{' '}
      <span className="muted small">{formatDate(p.createdAt.slice(0, 10), lang)}</span>
      <dl className="facts">
        <dt>{t('private.reservation')}</dt>
        <dd>
          <Money minor={p.reservationValue} currency="KRW" />
        </dd>
        <dt>{t('private.target')}</dt>
        <dd>
          <Money minor={p.target} currency="KRW" />
        </dd>
        {p.notes && (
          <>
            <dt>{t('private.notes')}</dt>
            <dd>{p.notes}</dd>
          </>
        )}
      </dl>
    </li>
  )
}

function NewPositionForm({ negotiationId }: { readonly negotiationId: string }) {
  const { t } = useLang()
  const create = useCreatePosition(negotiationId)
  const [title, setTitle] = useState('')
  const [reservation, setReservation] = useState('')
  const [target, setTarget] = useState('')
  const [notes, setNotes] = useState('')
  const r = wonFromInput(reservation)
  const tg = wonFromInput(target)
  const valid = title.trim() !== '' && r !== undefined && tg !== undefined
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!valid) return
    create.mutate(
      {
        title: title.trim(),
        reservationValue: r,
        target: tg,
        priorities: [],
        estimateOfOther: { reservationValue: null, target: null, notes: '' },
        notes,
      },
      {
        onSuccess: () => {
          setTitle('')
          setReservation('')
          setTarget('')
          setNotes('')
        },
      },
    )
  }
  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="new-position-h">
      <h4 id="new-position-h">{t('private.newPosition')}</h4>
      <Field label={t('private.positionTitle')} value={title} required onValue={setTitle} />
      {(
        [
          [t('private.reservationWon'), reservation, r, setReservation],
          [t('private.targetWon'), target, tg, setTarget],
        ] as const
      ).map(([label, value, won, set]) => (
        <Field
          key={label}
          label={label}
          inputMode="numeric"
          value={value}
          invalid={won === undefined}
          onValue={set}
        />
      ))}
      <TextAreaField label={t('private.notes')} value={notes} rows={2} onValue={setNotes} />
      <button type="submit" disabled={!valid || create.isPending}>
        {t('private.savePosition')}
      </button>
      {create.isError && <ErrorBox error={create.error} />}
    </form>
  )
}
