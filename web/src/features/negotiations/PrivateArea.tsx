import { Link } from 'react-router'
import { principalOf, useSession } from '../../api/session'
import { useLang } from '../../i18n/i18n'
import { useProposals } from './api'
import { Positions } from './Positions'
import { ProposalCompare } from './ProposalCompare'
import { ownDrafts } from './view'

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
  const proposals = useProposals(negotiationId)
  const drafts = ownDrafts(proposals.data ?? [], principalOf(user))
  if (!user) return null
  return (
    <section
      className="private-area"
      aria-labelledby="private-h"
      data-testid="private-area"
      data-party={user.party}
    >
      <h2 id="private-h">{t('private.onlyParty', { party: t(`partyAdj.${user.party}`) })}</h2>
      <Positions negotiationId={negotiationId} />
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
