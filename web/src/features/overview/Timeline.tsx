import { Link } from 'react-router'
import type { AgreementLapse } from '../../../../src/domain/index.js'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { shortLabel } from '../agreement/labels'
import { axisPct, textOn } from './timeline'
import { FIRST, LAST, spanOf, termSpan, timelineTicks, type Row } from './view'

/** Every agreement's term as a bar on a 1991–2030 axis, the lapses between them and today. */
export function Timeline({
  rows,
  lapses,
  today,
}: {
  readonly rows: readonly Row[]
  readonly lapses: readonly AgreementLapse[]
  readonly today: string
}) {
  const { t, lang } = useLang()
  return (
    <figure className="timeline" aria-labelledby="timeline-cap">
      <figcaption id="timeline-cap">{t('overview.timeline')}</figcaption>
      <div className="timeline-track">
        <div className="timeline-axis" aria-hidden="true">
          {timelineTicks().map((tick) => (
            <span key={tick.year} style={{ left: `${tick.left}%` }}>
              {tick.year}
            </span>
          ))}
        </div>
        <ol className="timeline-rows">
          {rows.map((r) => {
            const span = termSpan(r.spec)
            return (
              <li key={r.spec.id} className="timeline-row" data-testid="timeline-agreement">
                <Link
                  to={`/agreements/${r.spec.id}`}
                  className="timeline-bar"
                  style={{
                    left: `${span.left}%`,
                    width: `${span.width}%`,
                    background: r.color,
                    color: textOn(r.color),
                  }}
                  title={`${r.spec.title[lang]}: ${r.spec.term.firstYear}–${r.spec.term.lastYear}`}
                >
                  <span>{shortLabel(r.spec, t)}</span>
                </Link>
              </li>
            )
          })}
        </ol>
        {lapses.map((l) => {
          const span = spanOf(l.from, l.to, 0.4)
          return (
            <div
              key={l.from}
              className="timeline-lapse"
              style={{ left: `${span.left}%`, width: `${span.width}%` }}
              title={`${t('overview.noAgreement')}: ${formatDate(l.from, lang)} – ${formatDate(l.to, lang)}`}
            />
          )
        })}
        <div
          className="timeline-today"
          style={{ left: `${axisPct(today, FIRST, LAST)}%` }}
          title={t('overview.today')}
        />
      </div>
      <p className="legend small">
        <span className="swatch lapse" aria-hidden="true" /> {t('overview.noAgreement')}{' '}
        <span className="swatch today" aria-hidden="true" /> {t('overview.today')}
      </p>
    </figure>
  )
}
