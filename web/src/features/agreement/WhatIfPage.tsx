import { useEffect, useMemo, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import type { AgreementSpec, RecordSnapshot } from '../../../../src/domain/index.js'
import { signedSchedule } from '../../lib/record'
import { useLang } from '../../i18n/i18n'
import { DerivationPanel } from './DerivationPanel'
import { RecordAgreement, useAgreementPageTitle } from './RecordAgreement'
import { SaveDraft } from './SaveDraft'
import { Compare, CompareChart } from './WhatIfCompare'
import { WhatIfLeversForm } from './WhatIfLevers'
import {
  changedIndexSummary,
  computeWhatIf,
  inputFromUrl,
  whatIfParams,
  type WhatIfInput,
} from './what-if'

export function WhatIfPage() {
  const { id = '' } = useParams()
  const { t } = useLang()
  useAgreementPageTitle(id, t('whatIf.title'))
  return (
    <RecordAgreement id={id}>
      {(snapshot, spec) => <WhatIfView snapshot={snapshot} spec={spec} />}
    </RecordAgreement>
  )
}

/**
 * Once the record is loaded, every change is computed here in the browser by the domain (the
 * same code as the signed schedule): no request to the server.
 */
function WhatIfView({
  snapshot,
  spec,
}: {
  readonly snapshot: RecordSnapshot
  readonly spec: AgreementSpec
}) {
  const { t, lang } = useLang()
  const [params, setParams] = useSearchParams()
  const [input, setInput] = useState<WhatIfInput>(() => inputFromUrl(params))
  // The what-if lives in the URL (replacing, not adding, history entries): the address bar is
  // a link that opens the same what-if for a colleague.
  const query = params.toString()
  useEffect(() => {
    const next = whatIfParams(input, new URLSearchParams(query))
    if (next.toString() !== query) setParams(next, { replace: true })
  }, [input, query, setParams])
  const [year, setYear] = useState<number | null>(null)
  const result = useMemo(() => computeWhatIf(snapshot, spec, input), [snapshot, spec, input])
  const signed = signedSchedule(snapshot, spec)
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
        <WhatIfLeversForm
          levers={result.levers}
          input={input}
          invalid={result.invalid}
          signedLastYear={spec.term.lastYear}
          onChange={setInput}
        />
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
            <SaveDraft spec={result.spec} summary={changedIndexSummary(result.levers, input)} />
          )}
        </div>
      </div>
    </article>
  )
}
