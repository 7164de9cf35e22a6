import { useState } from 'react'
import { useCan } from '../../api/session'
import { useLang } from '../../i18n/i18n'
import { Field, SelectField, TextAreaField } from '../../ui/Field'
import { ErrorBox, Loading } from '../../ui/Status'
import { useNegotiations } from '../negotiations/api'
import { useImportDocument, useInstanceKey, useRegisterKey, useRegisteredKeys } from './api'
import { usePageTitle } from '../../ui/page-title'

/**
 * The signed exchange between two instances (issue 17): this instance's mode and public key, the
 * other instance's registered key (admins register it), and the import of a signed file.
 */
export function ExchangePage() {
  const { t } = useLang()
  usePageTitle(t('exchange.title'))
  const key = useInstanceKey()
  const canRead = useCan('exchange:read')
  const canTrust = useCan('exchange:trust')
  const canImport = useCan('exchange:write')
  const keys = useRegisteredKeys(canRead)
  return (
    <article data-testid="exchange-page">
      <h1>{t('exchange.title')}</h1>
      <p className="lede">{t('exchange.lede')}</p>
      <section aria-labelledby="our-key-h">
        <h2 id="our-key-h">{t('exchange.ourKey')}</h2>
        {key.isPending && <Loading />}
        {key.isError && <ErrorBox error={key.error} onRetry={key.refetch} />}
        {key.data && (
          <>
            <p data-testid="instance-mode">
              {key.data.mode === 'shared'
                ? t('exchange.modeShared')
                : t('exchange.modeSingle', { party: t(`partyAdj.${key.data.parties[0] ?? 'KR'}`) })}
            </p>
            {key.data.key === null ? (
              <p className="muted">{t('exchange.noKey')}</p>
            ) : (
              <dl>
                <dt>{t('exchange.fingerprint')}</dt>
                <dd className="break-all" data-testid="our-fingerprint">
                  <code>{key.data.key.fingerprint}</code>
                </dd>
              </dl>
            )}
          </>
        )}
      </section>
      {canRead && (
        <section aria-labelledby="keys-h">
          <h2 id="keys-h">{t('exchange.keys')}</h2>
          {keys.isError && <ErrorBox error={keys.error} onRetry={keys.refetch} />}
          {keys.data && keys.data.length === 0 && <p className="muted">{t('exchange.noKeys')}</p>}
          {keys.data && keys.data.length > 0 && (
            <ul data-testid="registered-keys">
              {keys.data.map((k) => (
                <li key={k.fingerprint} className="break-all">
                  {t(`party.${k.party}`)} · {k.label} · <code>{k.fingerprint}</code>
                </li>
              ))}
            </ul>
          )}
          {canTrust && <RegisterKeyForm />}
        </section>
      )}
      {canImport && <ImportForm />}
    </article>
  )
}

function RegisterKeyForm() {
  const { t } = useLang()
  const register = useRegisterKey()
  const key = useInstanceKey()
  const other = key.data?.parties.length === 1 && key.data.parties[0] === 'US' ? 'KR' : 'US'
  const [label, setLabel] = useState('')
  const [publicKey, setPublicKey] = useState('')
  const [fingerprint, setFingerprint] = useState('')
  return (
    <form
      aria-labelledby="register-h"
      onSubmit={(e) => {
        e.preventDefault()
        register.mutate({ party: other, label, publicKey, fingerprint })
      }}
    >
      <h3 id="register-h">{t('exchange.register', { party: t(`partyAdj.${other}`) })}</h3>
      <Field label={t('exchange.label')} value={label} onValue={setLabel} required />
      <TextAreaField
        label={t('exchange.publicKey')}
        hint={t('exchange.publicKeyHint')}
        value={publicKey}
        onValue={setPublicKey}
        rows={4}
        required
      />
      <Field
        label={t('exchange.fingerprintCheck')}
        hint={t('exchange.fingerprintHint')}
        value={fingerprint}
        onValue={setFingerprint}
        required
      />
      <button type="submit" disabled={register.isPending}>
        {t('exchange.registerButton')}
      </button>
      {register.isError && <ErrorBox error={register.error} />}
      {register.isSuccess && (
        <p role="status">
          {t('exchange.registered', { fingerprint: register.data.key.fingerprint })}
        </p>
      )}
    </form>
  )
}

function ImportForm() {
  const { t } = useLang()
  const negotiations = useNegotiations()
  const importDoc = useImportDocument()
  const [negotiationId, setNegotiationId] = useState('')
  const [document, setDocument] = useState('')
  const chosen = negotiationId || negotiations.data?.[0]?.id || ''
  return (
    <section aria-labelledby="import-h">
      <h2 id="import-h">{t('exchange.import')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          importDoc.mutate({ negotiationId: chosen, body: { document } })
        }}
      >
        <SelectField
          label={t('exchange.negotiation')}
          value={chosen}
          onValue={setNegotiationId}
          testId="import-negotiation"
        >
          {(negotiations.data ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.id}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="import-file">{t('exchange.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            onChange={(e) => {
              const f = e.target.files?.[0]
              if (f) void f.text().then(setDocument)
            }}
          />
        </div>
        <button type="submit" disabled={importDoc.isPending || document === '' || chosen === ''}>
          {t('exchange.importButton')}
        </button>
      </form>
      {importDoc.isError && <ErrorBox error={importDoc.error} />}
      {importDoc.isSuccess && (
        <p role="status" data-testid="import-result">
          {t('exchange.imported', {
            party: t(`partyAdj.${importDoc.data.received.party}`),
            kind: t(`exchange.kind.${importDoc.data.received.kind}`),
            fingerprint: importDoc.data.received.fingerprint,
          })}
        </p>
      )}
    </section>
  )
}
