import { useMemo } from 'react'
import { amountText, shortProvenance } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { Chart } from '../../ui/Chart'
import { PlainTable } from '../../ui/PlainTable'
import { QueryStatus } from '../../ui/Status'
import { Sources } from '../agreement/Sources'
import { useJapanSupport } from './api'
import { supportBars, supportChartOption, supportCoverage } from './view'

/**
 * Japan's yearly host-nation support, like Korea's yearly chart: inside the special agreement and
 * outside it stacked per fiscal year, the total alone where the split is unknown, unknown years
 * shaded; the same figures, with their provenance and sources, in a table under it.
 */
export function JapanSupportChart({ tableOpen = false }: { readonly tableOpen?: boolean }) {
  const { t, lang } = useLang()
  const q = useJapanSupport()
  const data = q.data
  const bars = useMemo(() => (data ? supportBars(data) : []), [data])
  const option = useMemo(() => supportChartOption(bars, lang, t), [bars, lang, t])
  if (!data) return <QueryStatus query={q} what="hostSupport" />
  const cov = supportCoverage(data)
  return (
    <figure className="chart-figure" aria-labelledby="jp-hns-cap" data-testid="jp-support">
      <figcaption id="jp-hns-cap">{t('hostSupport.chartTitle')}</figcaption>
      <Chart
        option={option}
        label={t('hostSupport.chartTitle')}
        height={340}
        testId="jp-support-chart"
      />
      <p className="muted small" data-testid="jp-support-coverage">
        {t('hostSupport.coverage', { total: cov.total, inside: cov.inside, years: cov.years })}{' '}
        {t('hostSupport.softNote')}
      </p>
      <p className="muted small">{data.basis[lang]}</p>
      <details open={tableOpen}>
        <summary data-testid="jp-support-toggle">{t('hostSupport.tableSummary')}</summary>
        <PlainTable
          caption={t('hostSupport.tableCaption')}
          scrollLabel={t('hostSupport.tableCaption')}
          testId="jp-support-table"
          columns={[
            { label: t('hostSupport.fyColumn') },
            { label: t('hostSupport.inside'), num: true },
            { label: t('hostSupport.outside'), num: true },
            { label: t('hostSupport.total'), num: true },
            { label: t('hostSupport.sources') },
          ]}
        >
          {data.years.map((y) => {
            const bar = bars.find((b) => b.fy === y.fy)
            const cell = (v: string | null | undefined, p: string | undefined) =>
              v ? (
                <>
                  {amountText(v, 'JPY', lang)}
                  {p && <span className="tier-tag"> · {p}</span>}
                </>
              ) : (
                <span className="muted">{t('hostSupport.unknown')}</span>
              )
            const prov = (k: 'inside' | 'outside') => {
              const p = bar?.provenance[k]
              return p ? shortProvenance(p, lang) : undefined
            }
            return (
              <tr key={y.fy} data-testid={`jp-fy-${y.fy}`}>
                <th scope="row">{y.fy}</th>
                <td className="num">{cell(bar?.inside, prov('inside'))}</td>
                <td className="num">{cell(bar?.outside, prov('outside'))}</td>
                <td className="num">
                  {cell(
                    y.total?.amount,
                    y.total ? shortProvenance(y.total.provenance, lang) : undefined,
                  )}
                </td>
                <td>
                  {y.total || y.inside.total ? (
                    <Sources
                      urls={[
                        ...new Set([
                          ...(y.total?.sources ?? []),
                          ...(y.inside.total?.sources ?? []),
                        ]),
                      ]}
                      max={2}
                    />
                  ) : (
                    <span className="muted">{y.note?.[lang] ?? t('hostSupport.notLocated')}</span>
                  )}
                </td>
              </tr>
            )
          })}
        </PlainTable>
      </details>
    </figure>
  )
}
