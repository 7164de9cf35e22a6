import { useMemo, useState, type SyntheticEvent } from 'react'
import { Link } from 'react-router'
import { createColumnHelper } from '@tanstack/react-table'
import {
  AUDIT_ACTIONS,
  type AuditEntry,
  type AuditVerification,
} from '../../../../src/contracts/audit.js'
import { useCan, useSession } from '../../api/session'
import { formatDateTime } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { DataTable } from '../../ui/DataTable'
import { Field, SelectField } from '../../ui/Field'
import { ErrorBox, Loading } from '../../ui/Status'
import { AUDIT_PAGE_SIZE, useAudit, useVerifyAudit, type AuditFilters } from './api'
import { usePageTitle } from '../../ui/page-title'

const col = createColumnHelper<AuditEntry>()
const NO_FILTERS: AuditFilters = { actor: '', action: '', object: '', from: '', to: '', chain: '' }
const actionKey = (code: string) => `audit.actions.${code.replace('.', '_')}` as const

/**
 * The audit log for a delegation's admins: the shared chain and their own, newest first, with
 * filters, paging, action names in both languages, links to the objects, and the server's chain
 * verification (the check `sma audit verify` runs).
 */
export function AuditPage() {
  const { t, lang } = useLang()
  usePageTitle(t('audit.title'))
  const session = useSession()
  const canAudit = useCan('audit:read')
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS)
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS)
  const [offset, setOffset] = useState(0)
  const audit = useAudit(canAudit, filters, offset)
  const actionName = useMemo(() => {
    const known = new Set<string>(AUDIT_ACTIONS)
    return (code: string): string => (known.has(code) ? t(actionKey(code)) : code)
  }, [t])
  const columns = useMemo(
    () => [
      col.accessor('seq', { header: t('audit.number'), meta: { numeric: true } }),
      col.accessor('chain', {
        header: t('audit.chain'),
        cell: (c) => (c.getValue() === 'own' ? t('audit.chainOwn') : t('audit.chainShared')),
      }),
      col.accessor('at', {
        header: t('audit.when'),
        cell: (c) => formatDateTime(c.getValue(), lang),
      }),
      col.display({
        id: 'who',
        header: t('audit.actor'),
        cell: (c) => <Who e={c.row.original} />,
      }),
      col.accessor('action', {
        header: t('audit.action'),
        cell: (c) => <span title={c.getValue()}>{actionName(c.getValue())}</span>,
      }),
      col.accessor('object', {
        header: t('audit.object'),
        cell: (c) => {
          const link = c.row.original.link
          const text = <code className="hash">{c.getValue()}</code>
          return link === null ? text : <Link to={link}>{text}</Link>
        },
      }),
      col.accessor('hash', {
        header: t('audit.hash'),
        cell: (c) => (
          <code className="hash" title={c.getValue()}>
            {c.getValue().slice(0, 12)}…
          </code>
        ),
      }),
    ],
    [t, lang, actionName],
  )
  if (session.isPending) return <Loading />
  if (!canAudit) return <p role="alert">{t('common.forbidden')}</p>
  const apply = (e: SyntheticEvent) => {
    e.preventDefault()
    setFilters(draft)
    setOffset(0)
  }
  const clear = () => {
    setDraft(NO_FILTERS)
    setFilters(NO_FILTERS)
    setOffset(0)
  }
  const set = (k: keyof AuditFilters) => (v: string) => {
    setDraft({ ...draft, [k]: v })
  }
  const total = audit.data?.total ?? 0
  const shown = audit.data?.entries.length ?? 0
  return (
    <div data-testid="audit-page">
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.lede')}</p>
      <VerifyChain />
      <form className="inline-form" onSubmit={apply} aria-labelledby="audit-filters-h">
        <h2 id="audit-filters-h" className="visually-hidden">
          {t('audit.filters')}
        </h2>
        <SelectField
          label={t('audit.chain')}
          value={draft.chain}
          onValue={set('chain')}
          testId="audit-filter-chain"
        >
          <option value="">{t('audit.allChains')}</option>
          <option value="shared">{t('audit.chainShared')}</option>
          <option value="own">{t('audit.chainOwn')}</option>
        </SelectField>
        <Field
          label={t('audit.actorEmail')}
          type="email"
          value={draft.actor}
          onValue={set('actor')}
          testId="audit-filter-actor"
        />
        <SelectField
          label={t('audit.action')}
          value={draft.action}
          onValue={set('action')}
          testId="audit-filter-action"
        >
          <option value="">{t('audit.allActions')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionName(a)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t('audit.objectPrefix')}
          value={draft.object}
          onValue={set('object')}
          testId="audit-filter-object"
        />
        <Field
          label={t('audit.from')}
          type="date"
          value={draft.from}
          onValue={set('from')}
          testId="audit-filter-from"
        />
        <Field
          label={t('audit.to')}
          type="date"
          value={draft.to}
          onValue={set('to')}
          testId="audit-filter-to"
        />
        <button type="submit" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
        <button type="button" className="secondary" onClick={clear}>
          {t('audit.clear')}
        </button>
      </form>
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorBox error={audit.error} onRetry={audit.refetch} />}
      {audit.data && (
        <>
          <p className="muted" role="status" data-testid="audit-count">
            {total === 0
              ? t('audit.none')
              : t('audit.page', { from: offset + 1, to: offset + shown, total })}
          </p>
          <DataTable
            data={audit.data.entries}
            columns={columns}
            caption={t('audit.caption')}
            scrollLabel={t('audit.caption')}
            getRowId={(e) => `${e.chain}-${String(e.seq)}`}
            rowTestId={(e) => `audit-row-${e.chain}-${String(e.seq)}`}
            testId="audit-table"
            sortable={false}
          />
          <nav className="pager" aria-label={t('audit.filters')}>
            <button
              type="button"
              className="secondary"
              disabled={offset === 0}
              onClick={() => {
                setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))
              }}
              data-testid="audit-newer"
            >
              {t('audit.previous')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={offset + shown >= total}
              onClick={() => {
                setOffset(offset + AUDIT_PAGE_SIZE)
              }}
              data-testid="audit-older"
            >
              {t('audit.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  )
}

/** The actor: an email for one's own party and the system, "US negotiator" for others. */
function Who({ e }: { readonly e: AuditEntry }) {
  const { t } = useLang()
  if (e.actor === 'system') return <>{t('audit.system')}</>
  if (e.actor !== null) return <>{e.actor}</>
  const party = e.party === 'KR' || e.party === 'US' ? t(`partyAdj.${e.party}`) : e.party
  const role =
    e.role === 'viewer' || e.role === 'analyst' || e.role === 'negotiator' || e.role === 'admin'
      ? t(`role.${e.role}`)
      : ''
  return <>{t('negotiation.author', { party, role })}</>
}

/** The "verify chain" button and its verdict, per chain the viewer sees. */
function VerifyChain() {
  const { t, lang } = useLang()
  const verify = useVerifyAudit()
  const name = (c: AuditVerification['chains'][number]) =>
    c.chain === 'own' ? t('audit.chainOwn') : t('audit.chainShared')
  const v = verify.data
  const broken = v?.chains.find((c) => !c.ok)
  return (
    <div className="audit-verify">
      <button
        type="button"
        onClick={() => {
          verify.mutate()
        }}
        disabled={verify.isPending}
        data-testid="audit-verify"
      >
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div role="status" data-testid="audit-verdict">
        {verify.isError && <ErrorBox error={verify.error} />}
        {v && (
          <p className={v.ok ? 'ok' : 'error-inline'}>
            {broken === undefined
              ? t('audit.verifiedOk', {
                  chains: v.chains
                    .map((c) => t('audit.chainSummary', { chain: name(c), entries: c.entries }))
                    .join(', '),
                })
              : t('audit.verifiedBroken', {
                  chain: name(broken),
                  seq: broken.seq ?? 0,
                  reason: broken.reason ?? '',
                })}{' '}
            {v.checkpoint === null
              ? t('audit.noCheckpoint')
              : t('audit.againstCheckpoint', { at: formatDateTime(v.checkpoint.signedAt, lang) })}
          </p>
        )}
      </div>
    </div>
  )
}
