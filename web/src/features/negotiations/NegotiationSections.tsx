import type { Author } from '../../../../src/contracts/common.js'
import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import { principalOf, useCan, useSession } from '../../api/session'
import { formatDate, todayIso, type Lang } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { ErrorBox } from '../../ui/Status'
import { useConfirmEvent } from './api'
import { deadlineLabel } from './labels'
import { textIn, type LocalizedText } from '../../../../src/domain/text/localized.js'
import { canConfirm, lifecycleSteps } from './view'

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
        <ul className="deadline-list" data-testid="negotiation-deadlines">
          {n.deadlines.map((d) => (
            <li key={`${d.kind}-${d.date}`} className={d.date < today ? 'past' : undefined}>
              <time dateTime={d.date}>{formatDate(d.date, lang)}</time>{' '}
              <span title={textIn(d.label, lang)}>{deadlineLabel(d, t, lang)}</span>
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
                {r.to !== null && r.to !== r.from && <> – {formatDate(r.to, lang)}</>} ·{' '}
                {textIn(r.venue, lang)}
                {r.recordedBy && (
                  <span className="muted small">
                    {' · '}
                    <AuthorText a={r.recordedBy} what="recordedBy" />
                  </span>
                )}
                {r.summary && <p className="small">{textIn(r.summary, lang)}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** "Name, title" of a person of a delegation, in the reader's language. */
const nameAndTitle = (
  p: { readonly name: LocalizedText; readonly title: LocalizedText | null },
  lang: Lang,
) => `${textIn(p.name, lang)}${p.title ? `, ${textIn(p.title, lang)}` : ''}`

/** An agency as recorded: a known code (MOFA, State…) by its name, a typed name as it is. */
function useAgency(): (code: string) => string {
  const { t } = useLang()
  return (code) =>
    (AGENCIES as readonly string[]).includes(code) ? t(`agency.${code as Agency}`) : code
}
const AGENCIES = ['MOFA', 'MND', 'MOEF', 'DAPA', 'State', 'DoD', 'USFK'] as const
type Agency = (typeof AGENCIES)[number]

export function Delegations({ n }: N) {
  const { t, lang } = useLang()
  const agency = useAgency()
  return (
    <section aria-labelledby="dels-h" data-testid="delegations">
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
                    ? `${nameAndTitle(d.chief, lang)} (${agency(d.chief.agency)})`
                    : t('common.unknown')}
                </dd>
                <dt>{t('negotiation.agencies')}</dt>
                <dd>{d.agencies.map(agency).join(', ') || '—'}</dd>
              </dl>
              {d.members.length > 0 && (
                <ul className="members">
                  {d.members.map((m) => (
                    <li key={`${textIn(m.name, 'en')}-${m.role}`}>
                      {nameAndTitle(m, lang)} · {agency(m.agency)}
                      {m.role ? ` · ${m.role === 'chief' ? t('negotiation.chief') : m.role}` : ''}
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

/** "ROK negotiator": who did something, as party and role (never a person's email). */
function AuthorText({ a, what }: { readonly a: Author; readonly what: 'recordedBy' }) {
  const { t } = useLang()
  const who = t('negotiation.author', {
    party: t(`partyAdj.${a.party}`),
    role: t(`role.${a.role}`),
  })
  return <>{t(`negotiation.${what}`, { who })}</>
}

export function EventsLog({ n }: N) {
  const { t, lang } = useLang()
  const principal = principalOf(useSession().data?.user)
  const mayConfirm = useCan('event:write')
  const confirm = useConfirmEvent(n.id)
  if (n.events.length === 0) return null
  return (
    <section aria-labelledby="events-h">
      <h2 id="events-h">{t('negotiation.events')}</h2>
      {confirm.isError && <ErrorBox error={confirm.error} />}
      <ul className="events" data-testid="events">
        {n.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.date}>{formatDate(e.date, lang)}</time> · {t(`event.${e.kind}`)}
            {e.party !== null && ` (${t(`partyAdj.${e.party}`)})`}
            {e.note && <span className="muted"> — {textIn(e.note, lang)}</span>}
            {e.recordedBy && (
              <span className="muted small">
                {' · '}
                <AuthorText a={e.recordedBy} what="recordedBy" />
              </span>
            )}
            {e.confirmations.length > 0 && (
              <ul className="small confirmations">
                {e.confirmations.map((c) => (
                  <li key={c.party}>
                    {t('negotiation.confirmedBy', {
                      who: t('negotiation.author', {
                        party: t(`partyAdj.${c.by.party}`),
                        role: t(`role.${c.by.role}`),
                      }),
                      date: formatDate(c.at.slice(0, 10), lang),
                    })}
                  </li>
                ))}
              </ul>
            )}
            {e.confirmedAt === null && (
              <p className="small">
                <em>{t('negotiation.awaitingConfirmation')}</em>{' '}
                {mayConfirm && canConfirm(e, principal) && (
                  <button
                    type="button"
                    disabled={confirm.isPending}
                    onClick={() => {
                      confirm.mutate(e.id)
                    }}
                  >
                    {t('negotiation.confirm')}
                  </button>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
