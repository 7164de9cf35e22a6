import { useRef, useState, type SyntheticEvent } from 'react'
import { Link } from 'react-router'
import type { ProposalView } from '../../../../src/contracts/proposals.js'
import type { Delegation } from '../../../../src/domain/access/permissions.js'
import {
  actRefusal,
  revisionRefusal,
  type ProposalAct,
  type ProposalLife,
} from '../../../../src/domain/negotiation/proposal-state.js'
import { useCan, useSession } from '../../api/session'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { textIn } from '../../../../src/domain/text/localized.js'
import { TextAreaField } from '../../ui/Field'
import { Money } from '../../ui/Money'
import { ErrorBox } from '../../ui/Status'
import { useProposalAct, useSaveDraft } from './workflow-api'

/** The state-machine facts of a proposal as the API shows it (the same rule as the server's). */
export function lifeOfView(p: ProposalView): ProposalLife {
  return {
    ownerParty: p.ownerParty,
    tabledAt: p.tabledAt,
    withdrawnAt: p.withdrawnAt,
    rejectedAt: p.rejection?.at ?? null,
    acceptedByOther: p.acceptedBy.some((x) => x !== p.ownerParty),
  }
}

/** The permission each act needs (the shared permission map). */
const NEEDS = {
  table: 'proposal:table',
  withdraw: 'proposal:table',
  reject: 'proposal:accept',
  accept: 'proposal:accept',
} as const

/**
 * Every proposal the viewer may see, with its state, and the acts the viewer may do on each:
 * the controls come from the state machine's own refusals and the permission map, so a button
 * shows only when the server would accept the act.
 */
export function ProposalBoard({
  negotiationId,
  proposals,
}: {
  readonly negotiationId: string
  readonly proposals: readonly ProposalView[]
}) {
  const { t } = useLang()
  const party = useSession().data?.user.party
  const me: Delegation | null = party === 'KR' || party === 'US' ? party : null
  if (proposals.length === 0) return <p className="muted">{t('negotiation.noProposals')}</p>
  return (
    <ul className="proposal-board" data-testid="proposal-board">
      {proposals.map((p) => (
        <ProposalCard key={p.id} p={p} me={me} negotiationId={negotiationId} all={proposals} />
      ))}
    </ul>
  )
}

function ProposalCard({
  p,
  me,
  negotiationId,
  all,
}: {
  readonly p: ProposalView
  readonly me: Delegation | null
  readonly negotiationId: string
  readonly all: readonly ProposalView[]
}) {
  const { t, lang } = useLang()
  const act = useProposalAct(negotiationId)
  const save = useSaveDraft(negotiationId)
  const can = {
    table: useCan(NEEDS.table),
    reject: useCan(NEEDS.reject),
    draft: useCan('proposal:draft'),
  }
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const dialog = useRef<HTMLDialogElement>(null)
  const life = lifeOfView(p)
  const allowed = (a: ProposalAct) =>
    me !== null &&
    (a === 'withdraw' || a === 'table' ? can.table : can.reject) &&
    actRefusal(life, a, me) === null
  const revised = p.revises === null ? undefined : all.find((x) => x.id === p.revises)
  const first = p.schedule?.years[0]
  const titleId = `proposal-${p.id}-h`
  const reject = (e: SyntheticEvent) => {
    e.preventDefault()
    if (reason.trim() === '') return
    act.mutate(
      { act: 'reject', pid: p.id, reason: reason.trim() },
      {
        onSuccess: () => {
          setRejecting(false)
        },
      },
    )
  }
  return (
    <li
      className={`card proposal state-${p.state}`}
      data-testid="proposal"
      data-state={p.state}
      data-title={textIn(p.title, lang)}
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        {textIn(p.title, lang)}{' '}
        <span className={`badge state-badge state-${p.state}`} data-testid="proposal-state">
          {t(`workflow.state.${p.state}`)}
        </span>
      </h3>
      <p className="small muted">
        {t('workflow.ownedBy', { party: t(`partyAdj.${p.ownerParty}`) })} · {p.spec.term.firstYear}–
        {p.spec.term.lastYear}
        {p.tabledAt && (
          <> · {t('workflow.tabledOn', { date: formatDate(p.tabledAt.slice(0, 10), lang) })}</>
        )}
        {revised && <> · {t('workflow.revises', { title: textIn(revised.title, lang) })}</>} ·{' '}
        <Link
          to={`/negotiations/${negotiationId}/compare?p=${encodeURIComponent(p.id)}`}
          data-testid="proposal-compare-link"
        >
          {t('compare.thisOne')}
        </Link>
      </p>
      {p.state === 'draft' && <p className="small private-note">{t('workflow.draftPrivate')}</p>}
      <dl className="facts">
        <dt>{t('workflow.firstYear', { year: p.spec.term.firstYear })}</dt>
        <dd>
          {first?.amount ? (
            <Money minor={first.amount} currency={p.schedule?.currency ?? 'KRW'} />
          ) : (
            t('workflow.pending')
          )}
        </dd>
        <dt>{t('workflow.termTotal')}</dt>
        <dd>
          {p.schedule?.total ? (
            <Money minor={p.schedule.total} currency={p.schedule.currency} />
          ) : (
            t('workflow.pending')
          )}
        </dd>
      </dl>
      {p.rejection && (
        <p className="rejection" data-testid="rejection-reason">
          {t('workflow.rejectedBy', {
            party: t(`partyAdj.${p.rejection.by?.party ?? (p.ownerParty === 'KR' ? 'US' : 'KR')}`),
            date: formatDate(p.rejection.at.slice(0, 10), lang),
          })}
          : “{p.rejection.reason}”
        </p>
      )}
      {p.withdrawnAt && (
        <p className="small">
          {t('workflow.withdrawnOn', { date: formatDate(p.withdrawnAt.slice(0, 10), lang) })}
        </p>
      )}
      {p.acceptedBy.length > 0 && (
        <p className="small" data-testid="accepted-by">
          {t('workflow.acceptedBy', {
            parties: p.acceptedBy.map((x) => t(`partyAdj.${x}`)).join(', '),
          })}
        </p>
      )}
      {p.revisedBy.length > 0 && <p className="small muted">{t('workflow.superseded')}</p>}
      <div className="actions">
        {allowed('table') && (
          <button type="button" onClick={() => dialog.current?.showModal()}>
            {t('workflow.table')}
          </button>
        )}
        {allowed('withdraw') && (
          <button
            type="button"
            className="secondary"
            disabled={act.isPending}
            onClick={() => {
              act.mutate({ act: 'withdraw', pid: p.id })
            }}
          >
            {t('workflow.withdraw')}
          </button>
        )}
        {allowed('accept') && (
          <button
            type="button"
            disabled={act.isPending}
            onClick={() => {
              act.mutate({ act: 'accept', pid: p.id })
            }}
          >
            {t(p.ownerParty === me ? 'workflow.acceptOwn' : 'workflow.accept')}
          </button>
        )}
        {allowed('reject') && !rejecting && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRejecting(true)
            }}
          >
            {t('workflow.reject')}
          </button>
        )}
        {me !== null && can.draft && revisionRefusal(life) === null && (
          <button
            type="button"
            className="secondary"
            disabled={save.isPending}
            onClick={() => {
              save.mutate({
                title: t('workflow.revisionTitle', { title: textIn(p.title, lang) }),
                visibility: 'private',
                spec: p.spec,
                revises: p.id,
              })
            }}
          >
            {t('workflow.revise')}
          </button>
        )}
      </div>
      {rejecting && (
        <form className="inline-form" onSubmit={reject} aria-label={t('workflow.reject')}>
          <TextAreaField
            label={t('workflow.rejectReason')}
            value={reason}
            rows={2}
            required
            onValue={setReason}
          />
          <button type="submit" disabled={reason.trim() === '' || act.isPending}>
            {t('workflow.confirmReject')}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRejecting(false)
            }}
          >
            {t('workflow.cancel')}
          </button>
        </form>
      )}
      {(act.isError || save.isError) && <ErrorBox error={act.error ?? save.error} />}
      {/* Only for those who may table it: a closed dialog still puts its buttons in the page. */}
      {allowed('table') && (
        <dialog ref={dialog} aria-labelledby={`${titleId}-dlg`} data-testid="table-dialog">
          <h3 id={`${titleId}-dlg`}>{t('workflow.tableConfirmTitle')}</h3>
          <p>
            {t('workflow.tableConfirmText', { other: t(`partyAdj.${me === 'KR' ? 'US' : 'KR'}`) })}
          </p>
          <ul>
            <li>{t('workflow.visibleTitle', { title: textIn(p.title, lang) })}</li>
            <li>
              {t('workflow.visibleTerms', {
                from: p.spec.term.firstYear,
                to: p.spec.term.lastYear,
              })}
            </li>
            <li>{t('workflow.visibleAuthor')}</li>
          </ul>
          <p className="small">{t('workflow.tableStaysPrivate')}</p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                act.mutate(
                  { act: 'table', pid: p.id },
                  { onSettled: () => dialog.current?.close() },
                )
              }}
            >
              {t('workflow.confirmTable')}
            </button>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              {t('workflow.cancel')}
            </button>
          </div>
        </dialog>
      )}
    </li>
  )
}
