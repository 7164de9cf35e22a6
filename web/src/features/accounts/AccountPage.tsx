import { useId, useState, type SyntheticEvent } from 'react'
import { Link } from 'react-router'
import { useCan, useSession } from '../../api/session'
import { formatDateTime } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Field } from '../../ui/Field'
import { ErrorBox, Loading } from '../../ui/Status'
import { useCreateToken, useTokens } from './api'
import { MfaSection, PasswordSection, SessionsSection } from './SecuritySections'
import { usePageTitle } from '../../ui/page-title'

export function AccountPage() {
  const { t, lang } = useLang()
  usePageTitle(t('account.title'))
  const session = useSession()
  const user = session.data?.user
  const canManage = useCan('self:manage')
  const tokens = useTokens(canManage)
  const create = useCreateToken()
  const [name, setName] = useState('')
  const id = useId()
  if (session.isPending) return <Loading />
  if (!user) {
    return (
      <p>
        <Link to="/login?next=/account">{t('auth.login')}</Link>
      </p>
    )
  }
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (name.trim()) create.mutate(name.trim())
  }
  return (
    <div>
      <h1>{t('account.title')}</h1>
      <dl className="facts card" data-testid="account-facts">
        <dt>{t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('account.party')}</dt>
        <dd data-testid="account-party">{t(`party.${user.party}`)}</dd>
        <dt>{t('account.role')}</dt>
        <dd data-testid="account-role">{t(`role.${user.role}`)}</dd>
      </dl>
      {canManage && <MfaSection />}
      {canManage && <SessionsSection />}
      {canManage && <PasswordSection />}
      {canManage && (
        <section aria-labelledby={`${id}-tok`}>
          <h2 id={`${id}-tok`}>{t('account.tokens')}</h2>
          <p className="muted">{t('account.tokensLede')}</p>
          {tokens.isPending && <Loading />}
          {tokens.isError && <ErrorBox error={tokens.error} onRetry={tokens.refetch} />}
          {tokens.data && (
            <ul className="tokens">
              {tokens.data.length === 0 && <li className="muted">{t('account.noTokens')}</li>}
              {tokens.data.map((tk) => (
                <li key={tk.id}>
                  <strong>{tk.name}</strong>
                  {tk.createdAt && (
                    <span className="muted small"> · {formatDateTime(tk.createdAt, lang)}</span>
                  )}
                  {tk.expiresAt && (
                    <span className="muted small">
                      {' '}
                      · {t('account.expires')} {formatDateTime(tk.expiresAt, lang)}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <form className="inline-form" onSubmit={submit}>
            <Field label={t('account.tokenName')} value={name} onValue={setName} />
            <button type="submit" disabled={!name.trim() || create.isPending}>
              {t('account.createToken')}
            </button>
          </form>
          {create.data && (
            <div className="card token-once" role="status">
              <p>{t('account.tokenOnce')}</p>
              <code data-testid="new-token">{create.data.token}</code>
            </div>
          )}
          {create.isError && <ErrorBox error={create.error} />}
        </section>
      )}
    </div>
  )
}
