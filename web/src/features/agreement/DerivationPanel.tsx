import { Link } from 'react-router'
import {
  textIn,
  explainYear,
  type CurrencyCode,
  type YearFigure,
} from '../../../../src/domain/index.js'
import { formatPct, groupDigits } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Badge } from '../../ui/Badge'
import { Money } from '../../ui/Money'
import { badgeOf } from './labels'
import { Sources } from './Sources'

/** Every input of one year's figure: rule, base, index with sources, unrounded value, rounding. */
export function DerivationPanel({
  figure,
  currency,
  onClose,
}: {
  readonly figure: YearFigure
  readonly currency: CurrencyCode
  readonly onClose?: () => void
}) {
  const { t, lang } = useLang()
  const d = figure.derivation
  const lines = explainYear(figure, currency, lang)
  return (
    <section
      className="derivation card"
      aria-labelledby="derivation-h"
      data-testid="derivation"
      tabIndex={-1}
    >
      <header className="row-between">
        <h3 id="derivation-h">{t('derivation.title', { year: figure.year })}</h3>
        {onClose && (
          <button type="button" className="linkish" onClick={onClose}>
            {t('common.close')}
          </button>
        )}
      </header>
      <p className="formula" data-testid="derivation-headline">
        {lines[0]}
      </p>
      <dl className="facts wide">
        <dt>{t('derivation.result')}</dt>
        <dd>
          <Money minor={figure.amount} currency={currency} /> <Badge kind={badgeOf(figure)} />
        </dd>
        {figure.published !== null && (
          <>
            <dt>{t('derivation.published')}</dt>
            <dd>
              <Money minor={figure.published} currency={currency} />
            </dd>
          </>
        )}
        <dt>{t('derivation.rule')}</dt>
        <dd>
          <code>{d.rule.id}</code> ({t(`ruleKind.${d.rule.kind}`)}) · <Sources urls={d.rule.cite} />
          {d.rule.note && <div className="muted small">{textIn(d.rule.note, lang)}</div>}
        </dd>
        {d.type === 'stated' && (
          <>
            <dt>{t('derivation.stated')}</dt>
            <dd>
              <Money minor={d.amount} currency={currency} /> · <Sources urls={d.sources} />
              {d.components && (
                <div className="small">
                  {t('derivation.components')}:{' '}
                  {d.components.map((c) => `${c.currency} ${groupDigits(c.amount)}`).join(' + ')}
                </div>
              )}
            </dd>
          </>
        )}
        {d.type === 'escalated' && (
          <>
            <dt>{t('derivation.base')}</dt>
            <dd>
              <Money minor={d.base.amount} currency={currency} /> ·{' '}
              <Link to={`/agreements/${d.base.agreement}?year=${d.base.year}`}>
                {d.base.agreement} {d.base.year}
              </Link>{' '}
              (
              {t(
                d.base.from === 'schedule' ? 'derivation.fromSchedule' : 'derivation.fromPublished',
              )}
              )
            </dd>
            {d.rate.kind === 'index' && (
              <>
                <dt>{t('derivation.index')}</dt>
                <dd data-testid="derivation-index">
                  <strong>
                    {d.rate.index.series} {d.rate.index.period} ={' '}
                    {formatPct(d.rate.index.value, lang)}
                  </strong>{' '}
                  ({t('derivation.lag', { lag: d.rate.lag })}
                  {d.rate.index.override
                    ? `; ${t('derivation.whatIfValue')}`
                    : `; ${d.rate.index.vintage}${d.rate.index.releasedOn ? `, ${d.rate.index.releasedOn}` : ''}`}
                  ) {!d.rate.index.override && <Sources urls={d.rate.index.sources} />}
                </dd>
                <dt>{t('derivation.cap')}</dt>
                <dd data-testid="derivation-cap">
                  {d.rate.cap.kind === 'rate' ? formatPct(d.rate.cap.pct, lang) : t('rules.noCap')}
                  {d.rate.cap.kind === 'rate' && (
                    <>
                      {' — '}
                      <strong className={d.rate.binding === 'cap' ? 'binding' : undefined}>
                        {d.rate.binding === 'cap'
                          ? t('derivation.binding')
                          : t('derivation.notBinding')}
                      </strong>
                    </>
                  )}
                </dd>
                {d.rate.floor.kind === 'rate' && (
                  <>
                    <dt>{t('derivation.floor')}</dt>
                    <dd>
                      {formatPct(d.rate.floor.pct, lang)} —{' '}
                      {d.rate.binding === 'floor'
                        ? t('derivation.binding')
                        : t('derivation.notBinding')}
                    </dd>
                  </>
                )}
              </>
            )}
            {d.rate.kind === 'parts' && (
              <>
                <dt>{t('derivation.increase')}</dt>
                <dd>
                  {d.rate.parts
                    .map((p) => `${formatPct(p.pct, lang)} (${p.label[lang]})`)
                    .join(' + ')}
                </dd>
              </>
            )}
            <dt>{t('derivation.appliedRate')}</dt>
            <dd>{formatPct(d.rate.pct, lang)}</dd>
            <dt>{t('derivation.unrounded')}</dt>
            <dd data-testid="derivation-exact">
              <span className="mono">{groupDigits(d.exact)}</span>
            </dd>
            <dt>{t('derivation.rounding')}</dt>
            <dd>
              {t(`rounding.${d.rounding.mode}`)} · {t('derivation.step')}{' '}
              <Money minor={d.rounding.step} currency={currency} />
            </dd>
          </>
        )}
        {d.type === 'pending' && (
          <>
            <dt>{t('derivation.waitingFor')}</dt>
            <dd>{d.waitingFor.map((w) => `${w.series} ${w.period}`).join(', ') || d.reason}</dd>
          </>
        )}
        {d.type === 'unknown' && (
          <>
            <dt>{t('derivation.reason')}</dt>
            <dd>{textIn(d.reason, lang)}</dd>
          </>
        )}
      </dl>
      <details>
        <summary>{t('derivation.inWords')}</summary>
        <ol className="explain-lines">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ol>
      </details>
    </section>
  )
}
