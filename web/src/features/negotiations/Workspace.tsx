import { useEffect, useMemo, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import { useCan, useSession } from '../../api/session'
import { formatDate, todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { ErrorBox, Loading } from '../../ui/Status'
import { useProposals } from './api'
import { changeKeys, lastSeen, remember, sinceLastVisit, timeline } from './changes'
import { DraftEditor } from './DraftEditor'
import { ProposalBoard } from './ProposalBoard'
import { DelegationForm, EventForm, RoundForm } from './RecordForms'
import { POLL_MS } from './workflow-api'

/**
 * The working part of a negotiation page: what changed since the last visit, the proposals in
 * every state with the acts the viewer may do, a new draft for the next term, the forms that
 * record rounds, delegations and events, and the timeline against the deadlines. It asks the
 * server again every POLL_MS while the tab is visible (decision 0013), so the other delegation's
 * acts appear without a reload.
 */
export function Workspace({ n }: { readonly n: NegotiationDetail }) {
  const { t, lang } = useLang()
  const qc = useQueryClient()
  const proposals = useProposals(n.id)
  const party = useSession().data?.user.party
  const canDraft = useCan('proposal:draft')
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState !== 'visible') return
      void qc.invalidateQueries({ queryKey: ['negotiation', n.id] })
      void qc.invalidateQueries({ queryKey: ['proposals', n.id] })
    }
    const h = window.setInterval(tick, POLL_MS)
    return () => {
      window.clearInterval(h)
    }
  }, [qc, n.id])

  const list = useMemo(() => proposals.data ?? [], [proposals.data])
  const who = party ?? 'anonymous'
  const [seen] = useState(() => lastSeen(window.localStorage, n.id, who))
  const current = useMemo(() => changeKeys(n, list, lang), [n, list, lang])
  useEffect(() => {
    if (proposals.data) remember(window.localStorage, n.id, who, current)
  }, [current, n.id, who, proposals.data])
  const changed = proposals.data ? sinceLastVisit(seen, current) : []
  const items = timeline(
    n,
    list,
    {
      round: (num, venue) => `${t('negotiation.round', { n: num })} · ${venue}`,
      event: (kind) => t(`event.${kind}`),
      act: (title, state) =>
        state.startsWith('accepted-')
          ? t('workflow.tlAccepted', { title, party: t(`partyAdj.${state.slice(9)}`) })
          : `${title}: ${t(`workflow.state.${state}`)}`,
    },
    lang,
  )
  const today = todayIso()
  return (
    <>
      {seen !== null && proposals.data && (
        <section className="card changes" aria-labelledby="changes-h" data-testid="changes">
          <h2 id="changes-h">{t('workflow.changesTitle')}</h2>
          {changed.length === 0 ? (
            <p className="muted">{t('workflow.noChanges')}</p>
          ) : (
            <ul>
              {changed.map((c) => (
                <li key={c.key}>
                  {c.kind === 'proposal'
                    ? `${c.what}: ${t(`workflow.state.${c.detail}`)}`
                    : c.kind === 'round'
                      ? `${t('negotiation.round', { n: Number(c.what) })} · ${c.detail}`
                      : c.kind === 'acceptance'
                        ? t('workflow.tlAccepted', {
                            title: c.what,
                            party: t(`partyAdj.${c.detail}`),
                          })
                        : `${t(`event.${c.what}`)}${c.kind === 'confirmation' ? ` · ${t('workflow.confirmedShort', { party: t(`partyAdj.${c.detail}`) })}` : ''}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="board-h">
        <h2 id="board-h">{t('negotiation.proposals')}</h2>
        <p className="small muted">{t('workflow.boardHelp')}</p>
        {proposals.isPending && <Loading />}
        {proposals.isError && <ErrorBox error={proposals.error} onRetry={proposals.refetch} />}
        {proposals.data && <ProposalBoard negotiationId={n.id} proposals={list} />}
        {canDraft && n.replaces !== null && (party === 'KR' || party === 'US') && (
          <DraftEditor negotiationId={n.id} replaces={n.replaces} />
        )}
      </section>
      <section aria-labelledby="record-h" className="record-forms">
        <h2 id="record-h" className="visually-hidden">
          {t('workflow.recordTitle')}
        </h2>
        <RoundForm n={n} />
        <DelegationForm n={n} />
        <EventForm n={n} />
      </section>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('workflow.timeline')}</h2>
        {(party === 'KR' || party === 'US') && (
          <p className="small">
            <a
              href={`/api/negotiations/${encodeURIComponent(n.id)}/deadlines.ics`}
              data-testid="ics-link"
            >
              {t('workflow.icsLink')}
            </a>
          </p>
        )}
        <ol className="timeline" data-testid="timeline">
          {items.map((i, k) => (
            <li
              key={`${i.testId}-${k}`}
              className={`tl-${i.kind}${i.date < today ? ' past' : ''}`}
              data-testid={i.testId}
            >
              <time dateTime={i.date}>{formatDate(i.date, lang)}</time>{' '}
              {i.kind === 'deadline' && <strong>{t('workflow.deadlineMark')} </strong>}
              {i.text}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
