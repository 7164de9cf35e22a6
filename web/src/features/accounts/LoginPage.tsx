import { useId, useState, type SyntheticEvent } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useLogin, useSession } from '../../api/session'
import { ApiError } from '../../api/client'
import { useLang } from '../../i18n/i18n'
import { Field } from '../../ui/Field'

export function LoginPage() {
  const { t } = useLang()
  const login = useLogin()
  const session = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const id = useId()
  const next = params.get('next') ?? '/'
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    login.mutate(
      { email, password },
      {
        onSuccess: () => {
          void navigate(next.startsWith('/') ? next : '/')
        },
      },
    )
  }
  if (session.data) {
    return (
      <p>
        {t('auth.already', { email: session.data.user.email })}{' '}
        <Link to="/account">{t('nav.account')}</Link>
      </p>
    )
  }
  const err = login.error
  return (
    <form className="card narrow-card" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('auth.login')}</h1>
      <Field
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        required
        value={email}
        onValue={setEmail}
      />
      <Field
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <button type="submit" disabled={login.isPending}>
        {t('auth.login')}
      </button>
      {err && (
        <p role="alert" className="error-box">
          {err instanceof ApiError && (err.status === 401 || err.status === 400)
            ? t('auth.badCredentials')
            : err instanceof ApiError && err.status === 429
              ? t('auth.tooMany')
              : t('common.errorGeneric')}
        </p>
      )}
    </form>
  )
}
