import type { CorrelationReport, ModelReport } from '../../../../src/domain/projection/plan.js'
import { formatNumber } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { PlainTable } from '../../ui/PlainTable'

/** How each uncertain index series is drawn: model, fit period, parameters, periods. */
export function ProjectionModels({
  models,
  correlation,
}: {
  readonly models: readonly ModelReport[]
  readonly correlation: CorrelationReport | null
}) {
  const { t, lang } = useLang()
  const num = (x: number, digits = 3) => formatNumber(x.toFixed(digits), lang)
  return (
    <section aria-labelledby="models-h">
      <h2 id="models-h">{t('projections.models')}</h2>
      <PlainTable
        className="data-table"
        testId="projection-models"
        caption={t('projections.modelsCaption')}
        columns={[
          { label: t('projections.col.series') },
          { label: t('projections.col.model') },
          { label: t('projections.col.fit') },
          { label: t('projections.col.params') },
          { label: t('projections.col.periods') },
        ]}
      >
        {models.map((m) => (
          <tr key={m.series} data-testid={`model-${m.series}`}>
            <th scope="row">
              {t(`series.${m.series}`)} <span className="muted small">({m.series})</span>
            </th>
            <td>
              {m.model === 'ar1'
                ? t(m.fitted ? 'projections.model.ar1' : 'projections.model.ar1-params')
                : t(`projections.model.${m.model}`)}
              {(m.model === 'ar1' || m.model === 'random-walk') && m.parameters === 'posterior' && (
                <div className="muted small">{t('projections.posterior')}</div>
              )}
            </td>
            <td>
              {(m.model === 'ar1' || m.model === 'random-walk') && m.fit
                ? t('projections.fitPairs', {
                    from: m.fit.from,
                    to: m.fit.to,
                    count: m.fit.pairs,
                  })
                : m.model === 'block-bootstrap'
                  ? `${t('projections.fitPeriod', { from: m.fit.from, to: m.fit.to })} · ${t(
                      'projections.blockLength',
                      { count: m.blockLength },
                    )} · ${t('projections.blocks', { count: m.blocks })}`
                  : '—'}
            </td>
            <td>
              {m.model === 'ar1' ? (
                <>
                  <span className="formula-inline">
                    c = {num(m.params.c)}, φ = {num(m.params.phi)}, σ = {num(m.params.sigma)}
                  </span>
                  {m.params.mean !== null && (
                    <> · {t('projections.longRunMean', { value: num(m.params.mean, 2) })}</>
                  )}
                  <div className="muted small">
                    {t('projections.startsFrom', {
                      period: m.start.period,
                      value: m.start.value,
                    })}
                  </div>
                </>
              ) : m.model === 'random-walk' ? (
                <>
                  <span className="formula-inline">σ = {num(m.params.sigma)}</span>
                  <div className="muted small">
                    {t('projections.startsFrom', {
                      period: m.start.period,
                      value: m.start.value,
                    })}
                  </div>
                </>
              ) : m.model === 'scenario-path' ? (
                Object.entries(m.values)
                  .map(([y, v]) => `${y}: ${v}`)
                  .join(', ')
              ) : (
                '—'
              )}
            </td>
            <td>{m.periods.join(', ')}</td>
          </tr>
        ))}
      </PlainTable>
      {correlation && (
        <p className="small" data-testid="correlation">
          {t('projections.correlation', {
            a: t(`series.${correlation.series[0]}`),
            b: t(`series.${correlation.series[1]}`),
            rho: num(correlation.rho, 2),
            low: num(correlation.interval95[0], 2),
            high: num(correlation.interval95[1], 2),
            from: correlation.from,
            to: correlation.to,
            pairs: correlation.pairs,
          })}
        </p>
      )}
    </section>
  )
}
