import { textIn, type AgreementSpec } from '../../../../src/domain/index.js'
import { formatDate } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { Sources } from './Sources'
import { categoryTable, lifecycleSteps } from './view'

/** The published split by cost category, with each part's share of the year's total. */
export function Categories({ spec }: { readonly spec: AgreementSpec }) {
  const { t, lang } = useLang()
  const table = categoryTable(spec, lang)
  const cats = spec.categories
  if (!table || !cats) return null
  return (
    <section aria-labelledby="cat-h">
      <h2 id="cat-h">{t('agreement.categories')}</h2>
      {table.rows.length > 0 ? (
        <PlainTable
          className="data-table"
          testId="categories"
          caption={t('agreement.categoriesCaption')}
          columns={[
            { label: t('agreement.year') },
            ...table.codes.map((c) => ({ label: t(`category.${c}`), num: true })),
            { label: t('agreement.total'), num: true },
          ]}
        >
          {table.rows.map((r) => (
            <tr key={r.year}>
              <th scope="row">{r.year}</th>
              {r.cells.map((cell) => (
                <td key={cell.code} className="num">
                  {cell.minor === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      <Money minor={cell.minor} currency={table.currency} />
                      {cell.share !== null && <div className="muted small">{cell.share}</div>}
                    </>
                  )}
                </td>
              ))}
              <td className="num">
                <Money minor={r.total} currency={table.currency} />
              </td>
            </tr>
          ))}
        </PlainTable>
      ) : (
        <p className="muted">
          {t('agreement.categoriesUnknown', {
            codes: table.codes.map((c) => t(`category.${c}`)).join(', '),
          })}
        </p>
      )}
      {cats.notes && <p className="small">{textIn(cats.notes, lang)}</p>}
    </section>
  )
}

/** From negotiation to expiry: each step's recorded date with its source. */
export function Lifecycle({ spec }: { readonly spec: AgreementSpec }) {
  const { t, lang } = useLang()
  return (
    <section aria-labelledby="life-h">
      <h2 id="life-h">{t('agreement.lifecycle')}</h2>
      <ol className="lifecycle" data-testid="lifecycle">
        {lifecycleSteps(spec).map(({ step, fact: f }) => (
          <li key={step} className={`step step-${f.status}`}>
            <span className="step-name">{t(`lifecycle.${step}`)}</span>
            <span className="step-date">
              {f.status === 'known'
                ? formatDate(f.date, lang)
                : f.status === 'unknown'
                  ? t('common.unknownDate')
                  : t('common.notApplicable')}
            </span>
            {f.status === 'known' && <Sources urls={f.sources} max={1} />}
            {f.note && <span className="muted small">{textIn(f.note, lang)}</span>}
          </li>
        ))}
      </ol>
      {spec.signatories && (
        <p className="small">
          {t('agreement.signatories')}: {textIn(spec.signatories.host, lang)};{' '}
          {textIn(spec.signatories.stationing, lang)}
        </p>
      )}
    </section>
  )
}
