import { useState, type SyntheticEvent } from 'react'
import { Link } from 'react-router'
import type { UserView } from '../../../../src/contracts/auth.js'
import type { AgreementSpec } from '../../../../src/domain/index.js'
import { useCan, useSession } from '../../api/session'
import { useLang } from '../../i18n/i18n'
import { Field, SelectField } from '../../ui/Field'
import { ErrorBox } from '../../ui/Status'
import { useCreateProposal, useNegotiations } from '../negotiations/api'

/** Saves a what-if as a private draft proposal of a negotiation (delegation analysts and up). */
export function SaveDraft({
  spec,
  summary,
}: {
  readonly spec: AgreementSpec
  readonly summary: string
}) {
  const { t } = useLang()
  const user = useSession().data?.user
  const canDraft = useCan('proposal:draft')
  if (!user) {
    return (
      <p className="card muted">
        <Link to="/login">{t('auth.login')}</Link> {t('whatIf.loginToSave')}
      </p>
    )
  }
  if (!canDraft) return <p className="card muted">{t('whatIf.cannotSave')}</p>
  return <SaveDraftForm spec={spec} summary={summary} party={user.party} />
}

function SaveDraftForm({
  spec,
  summary,
  party,
}: {
  readonly spec: AgreementSpec
  readonly summary: string
  readonly party: UserView['party']
}) {
  const { t, lang } = useLang()
  const negotiations = useNegotiations()
  const create = useCreateProposal()
  const [negotiationId, setNegotiationId] = useState('')
  const [title, setTitle] = useState('')
  const chosen = negotiationId || negotiations.data?.[0]?.id || ''
  const onSubmit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!chosen) return
    const finalTitle =
      title.trim() || `${t('whatIf.defaultTitle')}${summary ? ` (${summary})` : ''}`
    create.mutate({
      negotiationId: chosen,
      body: { title: finalTitle, visibility: 'private', spec },
    })
  }
  return (
    <form className="card save-draft" onSubmit={onSubmit} aria-labelledby="save-h">
      <h2 id="save-h">{t('whatIf.saveTitle')}</h2>
      <p className="private-note small">
        {t('private.onlyParty', { party: t(`partyAdj.${party}`) })}
      </p>
      <SelectField label={t('whatIf.negotiation')} value={chosen} onValue={setNegotiationId}>
        {(negotiations.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.title[lang]}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('whatIf.draftTitle')}
        type="text"
        value={title}
        placeholder={t('whatIf.defaultTitle')}
        onValue={setTitle}
      />
      <button type="submit" disabled={!chosen || create.isPending}>
        {t('whatIf.saveButton')}
      </button>
      {create.isSuccess && (
        <p role="status" className="ok">
          {t('whatIf.saved')}{' '}
          <Link to={`/negotiations/${chosen}`}>{t('whatIf.openNegotiation')}</Link>
        </p>
      )}
      {create.isError && <ErrorBox error={create.error} />}
      {negotiations.isError && (
        <ErrorBox error={negotiations.error} onRetry={negotiations.refetch} />
      )}
    </form>
  )
}
