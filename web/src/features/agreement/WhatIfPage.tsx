import { useId, useMemo, useState, type SyntheticEvent } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import type { EChartsCoreOption } from 'echarts/core'
import {
  EvaluationError,
  parseIndexOverride,
  type AgreementSpec,
  type Schedule,
} from '../../../../src/domain/index.js'
import { agreementById, record, scheduleOf, signedSchedule } from '../../lib/record'
import { formatMoneyDelta, formatPct } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { useSession } from '../../api/session'
import { Chart } from '../../ui/Chart'
import { chartUnit } from '../../ui/chart-units'
import { Money } from '../../ui/Money'
import { Badge } from '../../ui/Badge'
import { ErrorBox } from '../../ui/Status'
import { useCreateProposal, useNegotiations } from '../negotiations/api'
import { badgeOf } from './labels'
import { DerivationPanel } from './DerivationPanel'
import { applyWhatIf, EMPTY_WHAT_IF, knownTotal, leversOf, type WhatIfInput } from './what-if'

/** `?index=KR_CPI:2025=7.3` (repeatable), `cap=`, `first=`, `last=` preset a what-if. */
function inputFromUrl(params: URLSearchParams): WhatIfInput {
  const indexValues: Record<string, string> = {}
  for (const text of params.getAll('index')) {
    try {
      const o = parseIndexOverride(text)
      indexValues[`${o.series}:${o.period}`] = o.value
    } catch {
      // A malformed preset is ignored; the inputs show the record's values.
    }
  }
  const last = params.get('last')
  return {
    indexValues,
    capPct: params.get('cap'),
    firstYearPct: params.get('first'),
    lastYear: last === null ? null : Number(last),
  }
}

export function WhatIfPage() {
  const { id = '' } = useParams()
  const { t, lang } = useLang()
  const spec = agreementById(id)
  const [params] = useSearchParams()
  const [input, setInput] = useState<WhatIfInput>(() => ({
    ...EMPTY_WHAT_IF,
    ...inputFromUrl(params),
  }))
  const [year, setYear] = useState<number | null>(null)

  const result = useMemo(() => {
    if (!spec) return null
    const indices = record().indices
    const levers = leversOf(spec, indices, input.lastYear)
    const applied = applyWhatIf(spec, indices, input)
    if (!applied.ok)
      return { levers, error: null, invalid: applied.invalid, schedule: null, spec: null }
    try {
      return {
        levers,
        error: null,
        invalid: [] as string[],
        schedule: scheduleOf(applied.spec, applied.overrides),
        spec: applied.spec,
        overrides: applied.overrides,
      }
    } catch (e) {
      return {
        levers,
        error: e instanceof EvaluationError ? e.message : String(e),
        invalid: [] as string[],
        schedule: null,
        spec: null,
      }
    }
  }, [spec, input])

  if (!spec || !result) {
    return (
      <div role="alert">
        <h1>{t('common.notFound')}</h1>
        <Link to="/">{t('nav.overview')}</Link>
      </div>
    )
  }
  const signed = signedSchedule(spec)
  const { levers } = result
  const set = (patch: Partial<WhatIfInput>) => {
    setInput((prev) => ({ ...prev, ...patch }))
  }
  const selected = result.schedule?.years.find((y) => y.year === year)

  return (
    <article className="what-if" data-testid="what-if-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('nav.overview')}</Link> /{' '}
        <Link to={`/agreements/${spec.id}`}>{spec.title[lang]}</Link> / {t('whatIf.title')}
      </nav>
      <h1>
        {t('whatIf.title')}: {spec.title[lang]}
      </h1>
      <p className="lede">{t('whatIf.lede')}</p>
      <div className="what-if-grid">
        <form
          className="card levers"
          aria-labelledby="levers-h"
          onSubmit={(e) => {
            e.preventDefault()
          }}
        >
          <h2 id="levers-h">{t('whatIf.levers')}</h2>
          {levers.indexInputs.length > 0 && (
            <fieldset>
              <legend>{t('whatIf.indexValues')}</legend>
              {levers.indexInputs.map((i) => {
                const value = input.indexValues[i.key] ?? i.recordValue ?? ''
                const changed =
                  input.indexValues[i.key] !== undefined && value !== (i.recordValue ?? '')
                return (
                  <div className="field" key={i.key}>
                    <label htmlFor={`idx-${i.key}`}>
                      {t('whatIf.indexLabel', { series: i.series, period: i.period })}
                    </label>
                    <input
                      id={`idx-${i.key}`}
                      type="text"
                      inputMode="decimal"
                      value={value}
                      placeholder={t('whatIf.notPublished')}
                      aria-invalid={result.invalid.includes(i.key)}
                      aria-describedby={`idx-${i.key}-hint`}
                      className={changed ? 'changed narrow' : 'narrow'}
                      onChange={(e) => {
                        set({ indexValues: { ...input.indexValues, [i.key]: e.target.value } })
                      }}
                    />
                    <span id={`idx-${i.key}-hint`} className="hint">
                      {i.recordValue === null
                        ? t('whatIf.noRecordValue')
                        : t('whatIf.recordValue', { value: formatPct(i.recordValue, lang) })}
                    </span>
                  </div>
                )
              })}
            </fieldset>
          )}
          {levers.cap && (
            <div className="field">
              <label htmlFor="cap">{t('whatIf.cap')}</label>
              <input
                id="cap"
                type="text"
                inputMode="decimal"
                className="narrow"
                value={input.capPct ?? levers.cap.pct ?? ''}
                aria-invalid={result.invalid.includes('cap')}
                aria-describedby="cap-hint"
                onChange={(e) => {
                  set({ capPct: e.target.value })
                }}
              />
              <span id="cap-hint" className="hint">
                {t('whatIf.capHint', {
                  value:
                    levers.cap.pct === null ? t('rules.noCap') : formatPct(levers.cap.pct, lang),
                })}
              </span>
            </div>
          )}
          {levers.firstYearPct !== null && (
            <div className="field">
              <label htmlFor="first">{t('whatIf.firstYear', { year: levers.term.first })}</label>
              <input
                id="first"
                type="text"
                inputMode="decimal"
                className="narrow"
                value={input.firstYearPct ?? levers.firstYearPct}
                aria-invalid={result.invalid.includes('firstYear')}
                aria-describedby="first-hint"
                onChange={(e) => {
                  set({ firstYearPct: e.target.value })
                }}
              />
              <span id="first-hint" className="hint">
                {t('whatIf.signedValue', { value: formatPct(levers.firstYearPct, lang) })}
              </span>
            </div>
          )}
          <div className="field">
            <label htmlFor="last">{t('whatIf.lastYear')}</label>
            <input
              id="last"
              type="number"
              min={levers.term.min}
              max={levers.term.max}
              className="narrow"
              value={levers.term.last}
              aria-describedby="last-hint"
              onChange={(e) => {
                set({ lastYear: Number(e.target.value) })
              }}
            />
            <span id="last-hint" className="hint">
              {t('whatIf.termHint', {
                first: levers.term.first,
                last: spec.term.lastYear,
                max: levers.term.max,
              })}
            </span>
          </div>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setInput(EMPTY_WHAT_IF)
            }}
          >
            {t('whatIf.reset')}
          </button>
        </form>
        <div className="results">
          {result.invalid.length > 0 && (
            <p role="alert" className="error-box">
              {t('whatIf.invalid')}
            </p>
          )}
          {result.error !== null && (
            <p role="alert" className="error-box">
              {t('whatIf.cannotCompute')}: {result.error}
            </p>
          )}
          {result.schedule && (
            <>
              <Compare signed={signed} whatIf={result.schedule} onSelect={setYear} />
              <CompareChart signed={signed} whatIf={result.schedule} />
              {selected && (
                <DerivationPanel
                  key={selected.year}
                  figure={selected}
                  currency={result.schedule.currency}
                  onClose={() => {
                    setYear(null)
                  }}
                />
              )}
            </>
          )}
          {result.spec && (
            <SaveDraft
              spec={result.spec}
              summary={levers.indexInputs
                .filter((i) => {
                  const v = input.indexValues[i.key]
                  return v !== undefined && v !== i.recordValue && v !== ''
                })
                .map((i) => `${i.series} ${i.period} = ${input.indexValues[i.key] ?? ''} %`)
                .join(', ')}
            />
          )}
        </div>
      </div>
    </article>
  )
}

function Compare({
  signed,
  whatIf,
  onSelect,
}: {
  readonly signed: Schedule
  readonly whatIf: Schedule
  readonly onSelect: (year: number) => void
}) {
  const { t, lang } = useLang()
  const years = new Set([...signed.years, ...whatIf.years].map((y) => y.year))
  const rows = [...years].sort((a, b) => a - b)
  const st = knownTotal(signed.years)
  const wt = knownTotal(whatIf.years)
  const cur = whatIf.currency
  const delta = (a: string | null | undefined, b: string | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined
      ? null
      : formatMoneyDelta(BigInt(b) - BigInt(a), cur, lang)
  return (
    <div className="table-wrap">
      <table className="data-table compare" data-testid="what-if-table">
        <caption>{t('whatIf.compareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreement.year')}</th>
            <th scope="col" className="num">
              {t('whatIf.asSigned')}
            </th>
            <th scope="col" className="num">
              {t('whatIf.whatIf')}
            </th>
            <th scope="col" className="num">
              {t('whatIf.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((y) => {
            const s = signed.years.find((f) => f.year === y)
            const w = whatIf.years.find((f) => f.year === y)
            const d = delta(s?.amount, w?.amount)
            return (
              <tr key={y} data-testid={`what-if-${y}`}>
                <th scope="row">
                  <button
                    type="button"
                    className="linkish"
                    onClick={() => {
                      onSelect(y)
                    }}
                    aria-label={t('agreement.showDerivation', { year: y })}
                  >
                    {y}
                  </button>
                </th>
                <td className="num" data-testid={`signed-${y}`}>
                  {s ? (
                    <>
                      <Money minor={s.amount} currency={signed.currency} />{' '}
                      {s.amount === null && <Badge kind={badgeOf(s)} />}
                    </>
                  ) : (
                    <span className="muted">{t('whatIf.outsideTerm')}</span>
                  )}
                </td>
                <td className="num" data-testid={`whatif-${y}`}>
                  {w ? (
                    <>
                      <Money minor={w.amount} currency={cur} testId={`whatif-amount-${y}`} />{' '}
                      {w.amount === null && <Badge kind={badgeOf(w)} />}
                    </>
                  ) : (
                    <span className="muted">{t('whatIf.outsideTerm')}</span>
                  )}
                </td>
                <td
                  className={`num ${d?.startsWith('+') ? 'up' : d?.startsWith('−') ? 'down' : ''}`}
                >
                  {d ?? '—'}
                </td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('agreement.totalOverTerm')}</th>
            <td className="num" data-testid="signed-total">
              <Money minor={st.total} currency={signed.currency} />
              {st.known < st.all && (
                <div className="muted small">
                  {t('whatIf.knownYears', { known: st.known, all: st.all })}
                </div>
              )}
            </td>
            <td className="num" data-testid="whatif-total">
              <Money minor={wt.total} currency={cur} />
              {wt.known < wt.all && (
                <div className="muted small">
                  {t('whatIf.knownYears', { known: wt.known, all: wt.all })}
                </div>
              )}
            </td>
            <td className="num">
              {formatMoneyDelta(BigInt(wt.total) - BigInt(st.total), cur, lang)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

function CompareChart({
  signed,
  whatIf,
}: {
  readonly signed: Schedule
  readonly whatIf: Schedule
}) {
  const { t, lang } = useLang()
  const option = useMemo((): EChartsCoreOption => {
    const unit = chartUnit(whatIf.currency, lang, t)
    const years = [...new Set([...signed.years, ...whatIf.years].map((y) => y.year))].sort(
      (a, b) => a - b,
    )
    const v = (s: Schedule, y: number) => {
      const a = s.years.find((f) => f.year === y)?.amount
      return a === null || a === undefined ? null : Number(a) / unit.perUnitMinor
    }
    return {
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: unit.label, nameTextStyle: { align: 'left' }, scale: true },
      series: [
        {
          type: 'bar',
          name: t('whatIf.asSigned'),
          data: years.map((y) => v(signed, y)),
          itemStyle: { color: '#9aa7b4' },
          barMaxWidth: 28,
        },
        {
          type: 'bar',
          name: t('whatIf.whatIf'),
          data: years.map((y) => v(whatIf, y)),
          itemStyle: { color: '#f28e2b' },
          barMaxWidth: 28,
        },
      ],
    }
  }, [signed, whatIf, lang, t])
  return <Chart option={option} label={t('whatIf.chart')} height={260} testId="what-if-chart" />
}

function SaveDraft({ spec, summary }: { readonly spec: AgreementSpec; readonly summary: string }) {
  const { t, lang } = useLang()
  const session = useSession()
  const user = session.data?.user
  const canSave =
    user !== undefined && (user.party === 'KR' || user.party === 'US') && user.role !== 'viewer'
  const negotiations = useNegotiations()
  const create = useCreateProposal()
  const [negotiationId, setNegotiationId] = useState('')
  const [title, setTitle] = useState('')
  const titleId = useId()
  const negId = useId()
  if (!user) {
    return (
      <p className="card muted">
        <Link to="/login">{t('auth.login')}</Link> {t('whatIf.loginToSave')}
      </p>
    )
  }
  if (!canSave) return <p className="card muted">{t('whatIf.cannotSave')}</p>
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
        {t('private.onlyParty', { party: t(`partyAdj.${user.party}`) })}
      </p>
      <div className="field">
        <label htmlFor={negId}>{t('whatIf.negotiation')}</label>
        <select
          id={negId}
          value={chosen}
          onChange={(e) => {
            setNegotiationId(e.target.value)
          }}
        >
          {(negotiations.data ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.title[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={titleId}>{t('whatIf.draftTitle')}</label>
        <input
          id={titleId}
          type="text"
          value={title}
          placeholder={t('whatIf.defaultTitle')}
          onChange={(e) => {
            setTitle(e.target.value)
          }}
        />
      </div>
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
      {negotiations.isError && <ErrorBox error={negotiations.error} />}
    </form>
  )
}
