import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { cellWords, comparisonHeader, comparisonNotes } from '../../../../src/domain/index.js'
import type { HostCell } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { usePageTitle } from '../../ui/page-title'
import { PlainTable } from '../../ui/PlainTable'
import { QueryStatus } from '../../ui/Status'
import { Sources } from '../agreement/Sources'
import { useHostComparison } from './api'
import { JapanSupportChart } from './JapanSupportChart'

/** Cells that carry a source: the amount, the rate, the troop number, the budget. */
function CellSources({ c }: { readonly c: HostCell }) {
  const urls = [
    ...(c.amount?.sources ?? []),
    ...(c.rate?.sources ?? []),
    ...(c.troops?.sources ?? []),
    ...(c.budget?.sources ?? []),
  ]
  return <Sources urls={[...new Set(urls)]} max={2} />
}

/**
 * Korea and Japan side by side: yearly amounts in US dollars at the year's sourced rate, per
 * stationed US service member and as a share of each host's defence budget, all computed by the
 * domain's `compareHosts` on the server (the same answer as `sma compare-hosts`).
 */
export function HostComparisonPage() {
  const { t, lang } = useLang()
  usePageTitle(t('hostSupport.title'))
  const q = useHostComparison()
  const [knownOnly, setKnownOnly] = useState(true)
  const comparison = q.data?.comparison
  const rows = useMemo(
    () =>
      (comparison?.rows ?? []).filter(
        (r) => !knownOnly || r.kr.amount !== null || r.jp.amount !== null,
      ),
    [comparison, knownOnly],
  )
  const header = comparisonHeader(lang)
  return (
    <div className="host-support" data-testid="host-support-page">
      <h1>{t('hostSupport.title')}</h1>
      <p className="lede">{t('hostSupport.lede')}</p>
      <section aria-labelledby="jp-support-h">
        <h2 id="jp-support-h">{t('hostSupport.japanHeading')}</h2>
        <JapanSupportChart />
      </section>
      <section aria-labelledby="compare-h">
        <h2 id="compare-h">{t('hostSupport.compareHeading')}</h2>
        {comparison ? (
          <>
            <ul className="notes" data-testid="compare-notes">
              {comparisonNotes(comparison, lang).map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
            <label className="inline-check">
              <input
                type="checkbox"
                checked={knownOnly}
                onChange={(e) => {
                  setKnownOnly(e.target.checked)
                }}
                data-testid="known-only"
              />{' '}
              {t('hostSupport.knownOnly')}
            </label>
            <PlainTable
              caption={t('hostSupport.compareCaption')}
              scrollLabel={t('hostSupport.compareCaption')}
              testId="compare-table"
              columns={[
                ...header.map((label, i) => ({ label, num: i >= 2 })),
                { label: t('hostSupport.sources') },
              ]}
            >
              {rows.flatMap((r) =>
                [r.kr, r.jp].map((c) => (
                  <tr key={`${r.year}-${c.host}`} data-testid={`compare-${c.host}-${r.year}`}>
                    {cellWords(c, lang).map((w, i) =>
                      i === 0 ? (
                        <th scope="row" key={i}>
                          {w}
                        </th>
                      ) : (
                        <td key={i} className={i >= 2 ? 'num' : undefined}>
                          {w}
                        </td>
                      ),
                    )}
                    <td>
                      <CellSources c={c} />
                    </td>
                  </tr>
                )),
              )}
            </PlainTable>
          </>
        ) : (
          <QueryStatus query={q} what="hostSupport" />
        )}
        <p className="muted small">
          <Link to="/">{t('hostSupport.backToOverview')}</Link>
        </p>
      </section>
    </div>
  )
}
