import type { MfaEnrollment } from '../../../../src/contracts/auth.js'
import { useLang } from '../../i18n/i18n'

/** A new TOTP secret: as text to type into an authenticator, and as the otpauth:// link. */
export function SecretBox({ enrollment }: { readonly enrollment: MfaEnrollment }) {
  const { t } = useLang()
  const grouped = enrollment.secret.replace(/(.{4})/g, '$1 ').trim()
  return (
    <div className="card token-once" data-testid="mfa-secret-box">
      <p>{t('mfa.secretLede')}</p>
      <p>
        <span className="muted small">{t('mfa.secret')}</span>
        <br />
        <code data-testid="mfa-secret" className="wrap-anywhere">
          {grouped}
        </code>
      </p>
      <p>
        <a href={enrollment.uri} className="wrap-anywhere">
          {t('mfa.openInApp')}
        </a>
      </p>
      <p className="muted small">{t('mfa.secretOnce')}</p>
    </div>
  )
}

/** Ten recovery codes, shown once. */
export function RecoveryCodes({ codes }: { readonly codes: readonly string[] }) {
  const { t } = useLang()
  return (
    <div className="card token-once" role="status">
      <p>{t('mfa.recoveryLede')}</p>
      <ul className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </div>
  )
}
