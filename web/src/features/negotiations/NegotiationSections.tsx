import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import { formatDate, todayIso } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { deadlineLabel } from './labels'
import { lifecycleSteps } from './view'

type N = { readonly n: NegotiationDetail }

export function LifecycleCard({ n }: N) {
  const { t, lang } = useLang()
  return (
    <section className="card" aria-labelledby="nlife-h">
      <h2 id="nlife-h">{t('negotiation.lifecycle')}</h2>
      <ol className="stepper" data-testid="negotiation-lifecycle">
        {lifecycleSteps(n).map((s) => (
          <li key={s.key} className={s.date ? 'done' : 'todo'}>
            <span className="step-name">
              {s.party === null
                ? t(`event.${s.kind}`)
                : t('negotiation.ratifiedBy', { party: t(`partyAdj.${s.party}`) })}
            </span>{' '}
            <span className="step-date">
              {s.date ? formatDate(s.date, lang) : t('negotiation.notYet')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}

export function DeadlinesCard({ n }: N) {
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

export function Rounds({ n }: N) {
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

/** "Name, title" of a person of a delegation. */
const nameAndTitle = (p: { readonly name: string; readonly title: string | null }) =>
  `${p.name}${p.title ? `, ${p.title}` : ''}`

export function Delegations({ n }: N) {
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
                  {d.chief ? `${nameAndTitle(d.chief)} (${d.chief.agency})` : t('common.unknown')}
                </dd>
                <dt>{t('negotiation.agencies')}</dt>
                <dd>{d.agencies.join(', ') || '—'}</dd>
              </dl>
              {d.members.length > 0 && (
                <ul className="members">
                  {d.members.map((m) => (
                    <li key={`${m.name}-${m.role}`}>
                      {nameAndTitle(m)} · {m.agency}
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

export function EventsLog({ n }: N) {
  const { t, lang } = useLang()
  if (n.events.length === 0) return null
  return (
    <section aria-labelledby="events-h">
      <h2 id="events-h">{t('negotiation.events')}</h2>
      <ul className="events">
        {n.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.date}>{formatDate(e.date, lang)}</time> · {t(`event.${e.kind}`)}
            {e.party !== null && ` (${t(`partyAdj.${e.party}`)})`}
            {e.note && <span className="muted"> — {e.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  )
}
