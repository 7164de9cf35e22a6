import { useId, useMemo, useState, type SyntheticEvent } from 'react'
import { Link, useParams } from 'react-router'
import type { Negotiation, Position, Proposal, User } from '../../api/types'
import { useSession } from '../../api/session'
import { formatDate, formatMoneyDelta, todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Money } from '../../ui/Money'
import { ErrorBox, Loading } from '../../ui/Status'
import { knownTotal } from '../agreement/what-if'
import {
  useCreatePosition,
  useNegotiation,
  usePositions,
  useProposals,
  useTableProposal,
} from './api'
import { deadlineLabel, LIFECYCLE_KINDS } from './labels'

export function NegotiationPage() {
  const { id = '' } = useParams()
  const { t, lang } = useLang()
  const q = useNegotiation(id)
  const session = useSession()
  const user = session.data?.user
  if (q.isPending) return <Loading />
  if (q.isError) return <ErrorBox error={q.error} />
  const n = q.data
  const isDelegate = user !== undefined && (user.party === 'KR' || user.party === 'US')
  return (
    <article className="negotiation" data-testid="negotiation-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/negotiations">{t('nav.negotiations')}</Link> / <span>{n.title[lang]}</span>
      </nav>
      <h1>{n.title[lang]}</h1>
      <p className="muted">
        <span className={`status status-${n.status}`}>{t(`negStatus.${n.status}`)}</span>
        {n.replaces !== null && (
          <>
            {' · '}
            {t('negotiation.replaces')}: <Link to={`/agreements/${n.replaces}`}>{n.replaces}</Link>
          </>
        )}
        {n.successor !== null && (
          <>
            {' · '}
            {t('negotiation.successor')}:{' '}
            <Link to={`/agreements/${n.successor}`}>{n.successor}</Link>
          </>
        )}
      </p>
      {n.lapse && (
        <p className="lapse-text" role="note">
          {n.lapse.ongoing || n.lapse.to === null
            ? t('negotiation.lapseOngoing', { from: formatDate(n.lapse.from, lang) })
            : `${t('overview.noAgreement')}: ${formatDate(n.lapse.from, lang)} – ${formatDate(n.lapse.to, lang)}`}
        </p>
      )}
      <div className="cards">
        <LifecycleCard n={n} />
        <DeadlinesCard n={n} />
      </div>
      <Rounds n={n} />
      <Delegations n={n} />
      <Proposals negotiationId={n.id} user={user} />
      {isDelegate && (
        <p>
          <Link to={`/negotiations/${n.id}/analysis`} data-testid="analysis-link">
            {t('analysis.link')}
          </Link>
        </p>
      )}
      {isDelegate && <PrivateArea negotiationId={n.id} replaces={n.replaces} user={user} />}
      <EventsLog n={n} />
    </article>
  )
}

function LifecycleCard({ n }: { readonly n: Negotiation }) {
  const { t, lang } = useLang()
  const steps: { key: string; label: string; date: string | null }[] = []
  for (const kind of LIFECYCLE_KINDS) {
    if (kind === 'domestic-procedure') {
      for (const party of ['KR', 'US'] as const) {
        const e = n.events.find((x) => x.kind === kind && x.party === party)
        steps.push({
          key: `${kind}-${party}`,
          label: t('negotiation.ratifiedBy', { party: t(`partyAdj.${party}`) }),
          date: e?.date ?? null,
        })
      }
    } else {
      const e = n.events.find((x) => x.kind === kind)
      steps.push({ key: kind, label: t(`event.${kind}`), date: e?.date ?? null })
    }
  }
  return (
    <section className="card" aria-labelledby="nlife-h">
      <h2 id="nlife-h">{t('negotiation.lifecycle')}</h2>
      <ol className="stepper" data-testid="negotiation-lifecycle">
        {steps.map((s) => (
          <li key={s.key} className={s.date ? 'done' : 'todo'}>
            <span className="step-name">{s.label}</span>{' '}
            <span className="step-date">
              {s.date ? formatDate(s.date, lang) : t('negotiation.notYet')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}

function DeadlinesCard({ n }: { readonly n: Negotiation }) {
  const { t, lang } = useLang()
  const today = todayIso()
  return (
    <section className="card" aria-labelledby="ndead-h">
      <h2 id="ndead-h">{t('negotiation.deadlines')}</h2>
      {n.deadlines.length === 0 ? (
        <p className="muted">{t('overview.noDeadlines')}</p>
      ) : (
        <ul className="deadline-list">
          {n.deadlines.map((d) => (
            <li key={`${d.kind}-${d.date}`} className={d.date < today ? 'past' : undefined}>
              <time dateTime={d.date}>{formatDate(d.date, lang)}</time>{' '}
              <span title={d.label}>{deadlineLabel(d, t, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Rounds({ n }: { readonly n: Negotiation }) {
  const { t, lang } = useLang()
  return (
    <section aria-labelledby="rounds-h">
      <h2 id="rounds-h">{t('negotiation.rounds')}</h2>
      {n.rounds.length === 0 ? (
        <p className="muted">{t('negotiation.noRounds')}</p>
      ) : (
        <ol className="round-timeline" data-testid="rounds">
          {n.rounds.map((r) => (
            <li key={r.id}>
              <div className="round-marker" aria-hidden="true">
                {r.number}
              </div>
              <div>
                <strong>{t('negotiation.round', { n: r.number })}</strong> ·{' '}
                <time dateTime={r.from}>{formatDate(r.from, lang)}</time>
                {r.to !== null && r.to !== r.from && <> – {formatDate(r.to, lang)}</>} · {r.venue}
                {r.summary && <p className="small">{r.summary}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function Delegations({ n }: { readonly n: Negotiation }) {
  const { t } = useLang()
  return (
    <section aria-labelledby="dels-h">
      <h2 id="dels-h">{t('negotiation.delegations')}</h2>
      {n.delegations.length === 0 ? (
        <p className="muted">{t('negotiation.noDelegations')}</p>
      ) : (
        <div className="cards two">
          {n.delegations.map((d) => (
            <section key={d.party} className="card" aria-label={t(`partyName.${d.party}`)}>
              <h3>{t('negotiation.delegationOf', { party: t(`partyAdj.${d.party}`) })}</h3>
              <dl className="facts">
                <dt>{t('negotiation.chief')}</dt>
                <dd>
                  {d.chief
                    ? `${d.chief.name}${d.chief.title ? `, ${d.chief.title}` : ''} (${d.chief.agency})`
                    : t('common.unknown')}
                </dd>
                <dt>{t('negotiation.agencies')}</dt>
                <dd>{d.agencies.join(', ') || '—'}</dd>
              </dl>
              {d.members.length > 0 && (
                <ul className="members">
                  {d.members.map((m) => (
                    <li key={`${m.name}-${m.role ?? ''}`}>
                      {m.name}
                      {m.title ? `, ${m.title}` : ''} · {m.agency}
                      {m.role ? ` · ${m.role}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </section>
  )
}

/** Proposals side by side: yearly amounts, total over the term, difference to the first. */
function Proposals({
  negotiationId,
  user,
}: {
  readonly negotiationId: string
  readonly user: User | undefined
}) {
  const { t } = useLang()
  const q = useProposals(negotiationId)
  const shared = useMemo(() => (q.data ?? []).filter((p) => p.visibility !== 'private'), [q.data])
  return (
    <section aria-labelledby="props-h">
      <h2 id="props-h">{t('negotiation.proposals')}</h2>
      {q.isPending && <Loading />}
      {q.isError && <ErrorBox error={q.error} />}
      {q.data && shared.length === 0 && <p className="muted">{t('negotiation.noProposals')}</p>}
      {shared.length > 0 && <ProposalCompare proposals={shared} testId="tabled-proposals" />}
      {user === undefined && <p className="muted small">{t('negotiation.loginForPrivate')}</p>}
    </section>
  )
}

export function ProposalCompare({
  proposals,
  testId,
}: {
  readonly proposals: readonly Proposal[]
  readonly testId?: string
}) {
  const { t, lang } = useLang()
  const years = [
    ...new Set(proposals.flatMap((p) => p.schedule?.years.map((y) => y.year) ?? [])),
  ].sort((a, b) => a - b)
  const first = proposals[0]
  const currency = first?.schedule?.currency ?? 'KRW'
  const amount = (p: Proposal, y: number) =>
    p.schedule?.years.find((f) => f.year === y)?.amount ?? null
  return (
    <div className="table-wrap">
      <table className="data-table compare" data-testid={testId}>
        <caption>{t('negotiation.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreement.year')}</th>
            {proposals.map((p, i) => (
              <th key={p.id} scope="col" className="num">
                {p.title}
                <div className="muted small">
                  {t(`partyAdj.${p.ownerParty}`)}
                  {p.tabledAt ? ` · ${formatDate(p.tabledAt, lang)}` : ''}
                  {i > 0 && ` · ${t('negotiation.diffToFirst')}`}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((y) => {
            const base = first ? amount(first, y) : null
            return (
              <tr key={y}>
                <th scope="row">{y}</th>
                {proposals.map((p, i) => {
                  const a = amount(p, y)
                  return (
                    <td key={p.id} className="num">
                      <Money minor={a} currency={currency} />
                      {i > 0 && a !== null && base !== null && (
                        <div className="small muted">
                          {formatMoneyDelta(BigInt(a) - BigInt(base), currency, lang)}
                        </div>
                      )}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('agreement.totalOverTerm')}</th>
            {proposals.map((p, i) => {
              const tot = knownTotal(p.schedule?.years ?? [])
              const base = knownTotal(first?.schedule?.years ?? [])
              return (
                <td key={p.id} className="num">
                  <Money minor={tot.total} currency={currency} />
                  {tot.known < tot.all && (
                    <div className="muted small">
                      {t('whatIf.knownYears', { known: tot.known, all: tot.all })}
                    </div>
                  )}
                  {i > 0 && (
                    <div className="small muted">
                      {formatMoneyDelta(BigInt(tot.total) - BigInt(base.total), currency, lang)}
                    </div>
                  )}
                  {p.scheduleError && <div className="error-inline small">{p.scheduleError}</div>}
                </td>
              )
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

/**
 * The viewer's own party's private material. It comes only from endpoints that answer with the
 * viewer's own party's records; the UI never asks for another party's.
 */
function PrivateArea({
  negotiationId,
  replaces,
  user,
}: {
  readonly negotiationId: string
  readonly replaces: string | null
  readonly user: User
}) {
  const { t } = useLang()
  const party = user.party === 'US' ? 'US' : 'KR'
  const positions = usePositions(negotiationId, true)
  const proposals = useProposals(negotiationId)
  const drafts = (proposals.data ?? []).filter(
    (p) => p.visibility === 'private' && p.ownerParty === user.party,
  )
  const table = useTableProposal(negotiationId)
  const canTable = user.role === 'negotiator' || user.role === 'admin'
  return (
    <section
      className="private-area"
      aria-labelledby="private-h"
      data-testid="private-area"
      data-party={party}
    >
      <h2 id="private-h">{t('private.onlyParty', { party: t(`partyAdj.${party}`) })}</h2>
      <h3>{t('private.positions')}</h3>
      {positions.isPending && <Loading />}
      {positions.isError && <ErrorBox error={positions.error} />}
      {positions.data && positions.data.length === 0 && (
        <p className="muted">{t('private.noPositions')}</p>
      )}
      {positions.data && positions.data.length > 0 && (
        <ul className="positions" data-testid="positions">
          {positions.data.map((p) => (
            <PositionItem key={p.id} p={p} />
          ))}
        </ul>
      )}
      <NewPositionForm negotiationId={negotiationId} />
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
          {canTable && (
            <ul className="draft-actions">
              {drafts.map((d) => (
                <li key={d.id}>
                  {d.title}{' '}
                  <button
                    type="button"
                    className="secondary"
                    disabled={table.isPending}
                    onClick={() => {
                      table.mutate(d.id)
                    }}
                  >
                    {t('private.table')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {table.isError && <ErrorBox error={table.error} />}
        </>
      )}
    </section>
  )
}

function PositionItem({ p }: { readonly p: Position }) {
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

/** Whole won from "1,500,000,000,000" or "1500000000000"; null when empty; undefined when invalid. */
function wonFromInput(text: string): string | null | undefined {
  const s = text.replace(/[,\s₩원]/g, '')
  if (s === '') return null
  return /^(0|[1-9]\d{0,20})$/.test(s) ? s : undefined
}

function NewPositionForm({ negotiationId }: { readonly negotiationId: string }) {
  const { t } = useLang()
  const create = useCreatePosition(negotiationId)
  const [title, setTitle] = useState('')
  const [reservation, setReservation] = useState('')
  const [target, setTarget] = useState('')
  const [notes, setNotes] = useState('')
  const base = useId()
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
    <form className="inline-form" onSubmit={submit} aria-labelledby={`${base}-h`}>
      <h4 id={`${base}-h`}>{t('private.newPosition')}</h4>
      <div className="field">
        <label htmlFor={`${base}-title`}>{t('private.positionTitle')}</label>
        <input
          id={`${base}-title`}
          value={title}
          required
          onChange={(e) => {
            setTitle(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-res`}>{t('private.reservationWon')}</label>
        <input
          id={`${base}-res`}
          inputMode="numeric"
          value={reservation}
          aria-invalid={r === undefined}
          onChange={(e) => {
            setReservation(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-tgt`}>{t('private.targetWon')}</label>
        <input
          id={`${base}-tgt`}
          inputMode="numeric"
          value={target}
          aria-invalid={tg === undefined}
          onChange={(e) => {
            setTarget(e.target.value)
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${base}-notes`}>{t('private.notes')}</label>
        <textarea
          id={`${base}-notes`}
          value={notes}
          rows={2}
          onChange={(e) => {
            setNotes(e.target.value)
          }}
        />
      </div>
      <button type="submit" disabled={!valid || create.isPending}>
        {t('private.savePosition')}
      </button>
      {create.isError && <ErrorBox error={create.error} />}
    </form>
  )
}

function EventsLog({ n }: { readonly n: Negotiation }) {
  const { t, lang } = useLang()
  if (n.events.length === 0) return null
  return (
    <section aria-labelledby="events-h">
      <h2 id="events-h">{t('negotiation.events')}</h2>
      <ul className="events">
        {n.events.map((e) => (
          <li key={e.id ?? `${e.kind}-${e.date}-${e.note}`}>
            <time dateTime={e.date}>{formatDate(e.date, lang)}</time> · {t(`event.${e.kind}`)}
            {e.party !== null && ` (${t(`partyAdj.${e.party}`)})`}
            {e.note && <span className="muted"> — {e.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
