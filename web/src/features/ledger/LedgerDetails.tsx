import type { LedgerResponse } from '../../../../src/contracts/ledger.js'
import { shortProvenance } from '../../../../src/domain/index.js'
import { useLang } from '../../i18n/i18n'
import { Money } from '../../ui/Money'
import { Sources } from '../agreement/Sources'
import { shownChecks } from './view'

/** Per year: identity checks, spending rules with derivations, notes and what was looked for;
 * then accumulated balances, the sources and what was not found. */
export function LedgerDetails({ ledger }: { readonly ledger: LedgerResponse }) {
  const { t, lang } = useLang()
  return (
    <>
      <section aria-labelledby="ledger-years-h">
        <h2 id="ledger-years-h">{t('ledger.byYear')}</h2>
        {ledger.years.map((y) => (
          <details key={y.year} className="ledger-year" data-testid={`ledger-details-${y.year}`}>
            <summary>
              {y.year}
              {y.checks.some((c) => c.status === 'gap') && (
                <span className="badge badge-differs"> {t('ledger.gap')}</span>
              )}
            </summary>
            {y.note && <p>{y.note[lang]}</p>}
            {shownChecks(y).length > 0 && (
              <ul className="checks">
                {shownChecks(y).map((c) => (
                  <li key={c.id} className={`check-${c.status}`}>
                    {c.message[lang]}
                  </li>
                ))}
              </ul>
            )}
            {y.rules.length > 0 && (
              <>
                <h3>{t('ledger.rules')}</h3>
                <ul className="rules">
                  {y.rules.map((r) => (
                    <li key={r.id}>
                      <strong>{t(`ledger.ruleStatus.${r.status}`)}</strong> — {r.text[lang]}
                      <div className="muted small">{r.derivation[lang]}</div>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {Object.entries(y.figures).length > 0 && (
              <ul className="figures small">
                {Object.entries(y.figures).map(([k, f]) => (
                  <li key={k}>
                    {k}: {shortProvenance(f.provenance, lang)}
                    {f.note && <> — {f.note[lang]}</>} <Sources urls={f.sources} max={2} />
                  </li>
                ))}
              </ul>
            )}
            {y.lookedFor && (
              <p className="muted small">
                {t('ledger.lookedFor')}: {y.lookedFor}
              </p>
            )}
          </details>
        ))}
      </section>
      {ledger.balances.length > 0 && (
        <section aria-labelledby="ledger-balances-h">
          <h2 id="ledger-balances-h">{t('ledger.balances')}</h2>
          <ul data-testid="ledger-balances">
            {ledger.balances.map((b) => (
              <li key={`${b.asOf}-${b.what.en}`}>
                {b.asOf}: {b.what[lang]} —{' '}
                {b.amount === null ? (
                  <span className="muted">{t('ledger.undisclosed')}</span>
                ) : (
                  <Money minor={b.amount} currency={ledger.currency} />
                )}{' '}
                ({shortProvenance(b.provenance, lang)}) <Sources urls={b.sources} max={2} />
                {b.note && <div className="muted small">{b.note[lang]}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="ledger-sources-h">
        <h2 id="ledger-sources-h">{t('ledger.sources')}</h2>
        <ul className="ledger-sources">
          {ledger.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noreferrer noopener">
                {s.title}
              </a>{' '}
              — {s.publisher[lang]}
              {s.published !== null && `, ${s.published}`} ({t(`ledger.tier.${s.tier}`)})
            </li>
          ))}
        </ul>
        {ledger.notFound.length > 0 && (
          <>
            <h3>{t('ledger.notFound')}</h3>
            <ul>
              {ledger.notFound.map((n) => (
                <li key={n.what}>
                  {n.what} <span className="muted small">({n.lookedFor})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  )
}
