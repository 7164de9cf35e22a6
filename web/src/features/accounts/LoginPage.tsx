import { useId, useState, type SyntheticEvent } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { MfaChallenge } from '../../../../src/contracts/auth.js'
import { needsCode, useLogin, useLoginCode, useSession } from '../../api/session'
import { ApiError } from '../../api/client'
import { useLang } from '../../i18n/i18n'
import { Field } from '../../ui/Field'
import { RecoveryCodes, SecretBox } from './MfaParts'
import { usePageTitle } from '../../ui/page-title'

/** Log in: the password, then (administrators, and anyone who turned it on) a code. */
export function LoginPage() {
  const { t } = useLang()
  usePageTitle(t('auth.login'))
  const login = useLogin()
  const session = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null)
  const [recovery, setRecovery] = useState<readonly string[] | null>(null)
  const id = useId()
  const next = params.get('next') ?? '/'
  const go = () => void navigate(next.startsWith('/') ? next : '/')
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    login.mutate(
      { email, password },
      {
        onSuccess: (r) => {
          if (needsCode(r)) setChallenge(r)
          else go()
        },
      },
    )
  }
  if (recovery) {
    return (
      <div className="card narrow-card">
        <h1>{t('mfa.recoveryTitle')}</h1>
        <RecoveryCodes codes={recovery} />
        <button type="button" onClick={go}>
          {t('mfa.continue')}
        </button>
      </div>
    )
  }
  if (session.data) {
    // Still a page of its own: its heading names it (axe: page-has-heading-one).
    return (
      <div className="card narrow-card">
        <h1>{t('auth.login')}</h1>
        <p>
          {t('auth.already', { email: session.data.user.email })}{' '}
          <Link to="/account">{t('nav.account')}</Link>
        </p>
      </div>
    )
  }
  if (challenge) {
    return (
      <CodeStep
        challenge={challenge}
        onDone={(codes) => {
          if (codes) setRecovery(codes)
          else go()
        }}
        onRestart={() => {
          setChallenge(null)
          setPassword('')
          login.reset()
        }}
      />
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

/** The second step: a code from the authenticator (after enrolling it, for a new admin). */
function CodeStep({
  challenge,
  onDone,
  onRestart,
}: {
  readonly challenge: MfaChallenge
  readonly onDone: (recoveryCodes: readonly string[] | null) => void
  readonly onRestart: () => void
}) {
  const { t } = useLang()
  const step = useLoginCode()
  const [code, setCode] = useState('')
  const id = useId()
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    step.mutate(
      { ticket: challenge.ticket, code: code.trim() },
      {
        onSuccess: (r) => {
          onDone(r.recoveryCodes)
        },
      },
    )
  }
  const err = step.error
  const expired =
    err instanceof ApiError && err.problem?.detail.includes('login has expired') === true
  return (
    <form className="card narrow-card" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('mfa.title')}</h1>
      {challenge.enrollment ? (
        <>
          <p>{t('mfa.enrollAtLogin')}</p>
          <SecretBox enrollment={challenge.enrollment} />
        </>
      ) : (
        <p>{t('mfa.codeLede')}</p>
      )}
      <Field
        label={t('mfa.code')}
        hint={challenge.enrollment ? t('mfa.codeHintFirst') : t('mfa.codeHint')}
        inputMode="text"
        autoComplete="one-time-code"
        required
        value={code}
        onValue={setCode}
        testId="mfa-code"
      />
      <button type="submit" disabled={step.isPending}>
        {t('mfa.verify')}
      </button>
      {err && (
        <p role="alert" className="error-box">
          {err instanceof ApiError && err.status === 429
            ? t('auth.tooMany')
            : expired
              ? t('mfa.ticketExpired')
              : t('mfa.badCode')}
        </p>
      )}
      {(expired || err) && (
        <button type="button" className="link-button" onClick={onRestart}>
          {t('mfa.restart')}
        </button>
      )}
    </form>
  )
}
