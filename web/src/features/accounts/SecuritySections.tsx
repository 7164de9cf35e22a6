import { useId, useState, type SyntheticEvent } from 'react'
import { useNavigate } from 'react-router'
import { useLogoutAll } from '../../api/session'
import { formatDateTime } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Field } from '../../ui/Field'
import { ErrorBox, Loading } from '../../ui/Status'
import {
  useChangePassword,
  useDisableMfa,
  useEndSession,
  useEnrollMfa,
  useMfaStatus,
  useRecoveryCodes,
  useSessions,
} from './api'
import { RecoveryCodes, SecretBox } from './MfaParts'

/** Two-step login: status, enrollment with a first code, new recovery codes, turning it off. */
export function MfaSection() {
  const { t } = useLang()
  const id = useId()
  const status = useMfaStatus(true)
  const enroll = useEnrollMfa()
  const confirm = useRecoveryCodes('confirm')
  const renew = useRecoveryCodes('recovery-codes')
  const disable = useDisableMfa()
  const [code, setCode] = useState('')
  const [renewCode, setRenewCode] = useState('')
  const s = status.data
  const codes = confirm.data?.recoveryCodes ?? renew.data?.recoveryCodes ?? null
  const onConfirm = (e: SyntheticEvent) => {
    e.preventDefault()
    confirm.mutate(code.trim(), {
      onSuccess: () => {
        enroll.reset()
        setCode('')
      },
    })
  }
  const onRenew = (e: SyntheticEvent) => {
    e.preventDefault()
    renew.mutate(renewCode.trim(), {
      onSuccess: () => {
        setRenewCode('')
      },
    })
  }
  return (
    <section aria-labelledby={`${id}-h`} data-testid="mfa-section">
      <h2 id={`${id}-h`}>{t('mfa.sectionTitle')}</h2>
      {status.isPending && <Loading />}
      {status.isError && <ErrorBox error={status.error} onRetry={status.refetch} />}
      {s && (
        <p data-testid="mfa-status">
          {s.enabled
            ? t('mfa.on', { count: s.recoveryCodesLeft })
            : s.required
              ? t('mfa.offRequired')
              : t('mfa.off')}
        </p>
      )}
      {codes && <RecoveryCodes codes={codes} />}
      {s && !s.enabled && !enroll.data && (
        <button
          type="button"
          onClick={() => {
            enroll.mutate()
          }}
          disabled={enroll.isPending}
        >
          {t('mfa.turnOn')}
        </button>
      )}
      {enroll.isError && <ErrorBox error={enroll.error} />}
      {s && !s.enabled && enroll.data && (
        <form className="stack-form" onSubmit={onConfirm}>
          <SecretBox enrollment={enroll.data} />
          <Field
            label={t('mfa.code')}
            hint={t('mfa.codeHintFirst')}
            autoComplete="one-time-code"
            required
            value={code}
            onValue={setCode}
          />
          <button type="submit" disabled={confirm.isPending}>
            {t('mfa.confirm')}
          </button>
          {confirm.isError && <ErrorBox error={confirm.error} />}
        </form>
      )}
      {s?.enabled && (
        <form className="inline-form" onSubmit={onRenew}>
          <Field
            label={t('mfa.code')}
            hint={t('mfa.codeHint')}
            autoComplete="one-time-code"
            required
            value={renewCode}
            onValue={setRenewCode}
          />
          <button type="submit" disabled={renew.isPending}>
            {t('mfa.newRecovery')}
          </button>
          {!s.required && (
            <button
              type="button"
              className="secondary"
              disabled={disable.isPending || renewCode.trim() === ''}
              onClick={() => {
                disable.mutate(renewCode.trim(), {
                  onSuccess: () => {
                    setRenewCode('')
                  },
                })
              }}
            >
              {t('mfa.turnOff')}
            </button>
          )}
        </form>
      )}
      {renew.isError && <ErrorBox error={renew.error} />}
      {disable.isError && <ErrorBox error={disable.error} />}
    </section>
  )
}

/** One's sessions: where and when, end one, or log out everywhere. */
export function SessionsSection() {
  const { t, lang } = useLang()
  const id = useId()
  const navigate = useNavigate()
  const sessions = useSessions(true)
  const end = useEndSession()
  const all = useLogoutAll()
  return (
    <section aria-labelledby={`${id}-h`} data-testid="sessions-section">
      <h2 id={`${id}-h`}>{t('sessions.title')}</h2>
      <p className="muted">{t('sessions.lede')}</p>
      {sessions.isPending && <Loading />}
      {sessions.isError && <ErrorBox error={sessions.error} onRetry={sessions.refetch} />}
      {sessions.data && (
        <ul className="sessions" data-testid="sessions">
          {sessions.data.map((s) => (
            <li key={s.id}>
              <span className="agent">
                {s.userAgent ?? t('sessions.unknownAgent')}
                {s.current && <strong> · {t('sessions.current')}</strong>}
              </span>
              <span className="muted small">
                {t('sessions.address')}: {s.address ?? t('common.unknown')}
              </span>
              <span className="muted small">
                {t('sessions.created')} {formatDateTime(s.createdAt, lang)} ·{' '}
                {t('sessions.lastSeen')} {formatDateTime(s.lastSeenAt, lang)}
              </span>
              {!s.current && (
                <button
                  type="button"
                  className="secondary"
                  disabled={end.isPending}
                  onClick={() => {
                    end.mutate(s.id)
                  }}
                >
                  {t('sessions.end')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {end.isError && <ErrorBox error={end.error} />}
      <button
        type="button"
        disabled={all.isPending}
        onClick={() => {
          all.mutate(undefined, {
            onSuccess: () => {
              void navigate('/login')
            },
          })
        }}
      >
        {t('sessions.endAll')}
      </button>
      {all.isError && <ErrorBox error={all.error} />}
    </section>
  )
}

/** Change one's password: the policy's refusal is shown in the reader's language. */
export function PasswordSection() {
  const { t } = useLang()
  const id = useId()
  const change = useChangePassword()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('')
          setNext('')
        },
      },
    )
  }
  return (
    <section aria-labelledby={`${id}-h`} data-testid="password-section">
      <h2 id={`${id}-h`}>{t('password.title')}</h2>
      <form className="stack-form" onSubmit={submit}>
        <Field
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onValue={setCurrent}
        />
        <Field
          label={t('password.new')}
          hint={t('password.rule')}
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onValue={setNext}
        />
        <button type="submit" disabled={change.isPending}>
          {t('password.change')}
        </button>
      </form>
      {change.isError && <ErrorBox error={change.error} />}
      {change.data && (
        <p role="status">{t('password.changed', { count: change.data.endedSessions })}</p>
      )}
    </section>
  )
}
