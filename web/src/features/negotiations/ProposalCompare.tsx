import type { ProposalView } from '../../../../src/contracts/proposals.js'
import { textIn } from '../../../../src/domain/text/localized.js'
import { formatDate, formatMoneyDelta } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { KnownTotal } from '../../ui/KnownTotal'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { compareProposals } from './view'

/** Proposals side by side: yearly amounts, total over the term, difference to the first. */
export function ProposalCompare({
  proposals,
  testId,
}: {
  readonly proposals: readonly ProposalView[]
  readonly testId?: string
}) {
  const { t, lang } = useLang()
  const c = compareProposals(proposals)
  const delta = (d: bigint | null) =>
    d !== null && <div className="small muted">{formatMoneyDelta(d, c.currency, lang)}</div>
  return (
    <PlainTable
      className="data-table compare"
      testId={testId}
      caption={t('negotiation.compareCaption')}
      columns={[
        { label: t('agreement.year') },
        ...proposals.map((p, i) => ({
          num: true,
          label: (
            <>
              {textIn(p.title, lang)}
              <div className="muted small">
                {t(`partyAdj.${p.ownerParty}`)}
                {p.tabledAt ? ` · ${formatDate(p.tabledAt, lang)}` : ''}
                {i > 0 && ` · ${t('negotiation.diffToFirst')}`}
              </div>
            </>
          ),
        })),
      ]}
      footer={
        <tfoot>
          <tr>
            <th scope="row">{t('agreement.totalOverTerm')}</th>
            {proposals.map((p, i) => {
              const tot = c.totals[i]
              return (
                <td key={p.id} className="num">
                  {tot && <KnownTotal total={tot.total} currency={c.currency} />}
                  {delta(tot?.delta ?? null)}
                  {tot?.notCompared && (
                    <div className="small muted">
                      {t(`negotiation.notCompared.${tot.notCompared}`)}
                    </div>
                  )}
                  {p.scheduleError && <div className="error-inline small">{p.scheduleError}</div>}
                </td>
              )
            })}
          </tr>
        </tfoot>
      }
    >
      {c.rows.map((r) => (
        <tr key={r.year}>
          <th scope="row">{r.year}</th>
          {r.cells.map((cell, i) => (
            <td key={proposals[i]?.id ?? i} className="num">
              <Money minor={cell.amount} currency={c.currency} />
              {delta(cell.delta)}
            </td>
          ))}
        </tr>
      ))}
    </PlainTable>
  )
}
