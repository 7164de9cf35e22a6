import type { NegotiationDetail } from '../../../../src/contracts/negotiations.js'
import type { ProposalView } from '../../../../src/contracts/proposals.js'
import type { ReceivedView, ReportedView } from '../../../../src/contracts/exchange.js'
import { useLang } from '../../i18n/i18n'
import { textIn } from '../../../../src/domain/text/localized.js'
import { useProposals } from './api'

interface Act {
  readonly key: string
  readonly what: string
  readonly date: string
  readonly reported: ReportedView | null
  readonly received: ReceivedView | null
}

/**
 * The other party's acts we know only as reported by us or received in a signed document
 * (issue 17): each says so, with its source or the signer's fingerprint, so a reader never takes
 * our record of the other side's act for its own assertion.
 */
export function OtherPartyActs({ n }: { readonly n: NegotiationDetail }) {
  const { t, lang } = useLang()
  const proposals = useProposals(n.id).data ?? []
  const title = (id: string) => {
    const p = proposals.find((x) => x.id === id)
    return p ? textIn(p.title, lang) : id
  }
  const acts: Act[] = [
    ...proposals
      .filter((p) => p.reported !== null || p.received !== null)
      .map((p) => ({
        key: `p-${p.id}`,
        what: t('exchange.tabledBy', {
          party: t(`partyAdj.${p.ownerParty}`),
          title: textIn(p.title, lang),
        }),
        date: (p.tabledAt ?? '').slice(0, 10),
        reported: p.reported,
        received: p.received,
      })),
    ...proposals.flatMap((p: ProposalView) =>
      p.rejection?.reported
        ? [
            {
              key: `r-${p.id}`,
              what: t('exchange.rejectedBy', {
                party: t(`partyAdj.${p.ownerParty === 'KR' ? 'US' : 'KR'}`),
                title: textIn(p.title, lang),
                reason: p.rejection.reason,
              }),
              date: p.rejection.at.slice(0, 10),
              reported: p.rejection.reported,
              received: null,
            },
          ]
        : [],
    ),
    ...n.acceptances
      .filter((a) => a.reported !== null || a.received !== null)
      .map((a) => ({
        key: `a-${a.party}-${a.proposalId}-${a.at}`,
        what: t('exchange.acceptedBy', {
          party: t(`partyAdj.${a.party}`),
          title: title(a.proposalId),
        }),
        date: a.at.slice(0, 10),
        reported: a.reported,
        received: a.received,
      })),
  ].sort((x, y) => x.date.localeCompare(y.date))
  if (acts.length === 0) return null
  return (
    <section aria-labelledby="other-acts-h" data-testid="other-party-acts">
      <h2 id="other-acts-h">{t('exchange.otherActs')}</h2>
      <ul>
        {acts.map((a) => (
          <li key={a.key} data-testid="other-party-act">
            <time dateTime={a.date}>{a.date}</time> · {a.what}
            {a.reported && (
              <>
                <span className="provenance" data-testid="reported-badge">
                  {t('exchange.reported', { party: t(`partyAdj.${a.reported.party}`) })}
                </span>
                <br />
                <span className="muted small break-all">
                  {t('exchange.source')}: {a.reported.source.ref} ({a.reported.source.date})
                </span>
              </>
            )}
            {a.received && (
              <>
                <span className="provenance" data-testid="received-badge">
                  {t('exchange.received')}
                </span>
                <br />
                <span className="muted small break-all">
                  {t('exchange.fingerprint')}: <code>{a.received.fingerprint}</code>
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
