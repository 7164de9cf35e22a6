import { useMemo } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import type { PositionView } from '../../../../src/contracts/positions.js'
import type { ProposalView } from '../../../../src/contracts/proposals.js'
import {
  compareItems,
  type ComparedItem,
  type ComparedRow,
} from '../../../../src/domain/negotiation/compare.js'
import { useRecord } from '../../api/record'
import { useCan } from '../../api/session'
import { formatMoneyDelta } from '../../i18n/format'
import { useLang } from '../../i18n/i18n'
import { usePageTitle } from '../../ui/page-title'
import { textIn } from '../../../../src/domain/text/localized.js'
import { signedSchedule } from '../../lib/record'
import { Chart } from '../../ui/Chart'
import { chartUnit } from '../../ui/chart-units'
import { SelectField } from '../../ui/Field'
import { Money } from '../../ui/Money'
import { PlainTable } from '../../ui/PlainTable'
import { QueryStatus } from '../../ui/Status'
import { useNegotiation, usePositions, useProposals } from '../negotiations/api'
import { MonteCarlo } from './MonteCarlo'
import { idsOf, MAX_ITEMS, toggled, yearlyOption } from './view'

/**
 * Agreements and proposals side by side (issue 11). What is compared lives in the URL
 * (`?a=rok-us-sma-12&p=<proposal id>,…&pos=<position id>&run=<run id>`), so a comparison can be
 * shared; each viewer sees only what they may (the server lists proposals and positions by scope:
 * another party's private draft is never listed, and an id of one in the URL shows nothing).
 */
export function ComparePage() {
  const { id = '' } = useParams()
  const { t, lang } = useLang()
  const [params, setParams] = useSearchParams()
  const n = useNegotiation(id)
  usePageTitle(t('compare.title'), n.data?.title[lang])
  const record = useRecord()
  const proposals = useProposals(id)
  const canPositions = useCan('position:read')
  const positions = usePositions(id, canPositions)
  const replaces = n.data?.replaces ?? null
  const aParam = params.has('a') ? params.get('a') : replaces
  const pParam = params.get('p')
  const agreementIds = useMemo(() => idsOf(aParam), [aParam])
  const proposalIds = useMemo(() => idsOf(pParam), [pParam])
  const position = pickPosition(positions.data ?? [], params.get('pos'))

  const snap = record.data
  const host = snap?.agreements.find((a) => a.id === replaces)?.hostNation ?? 'KR'
  const agreements = useMemo(
    () => (snap?.agreements ?? []).filter((a) => a.hostNation === host),
    [snap, host],
  )
  const items = useMemo((): ComparedItem[] => {
    if (!snap) return []
    const ags = agreementIds.flatMap((aid): ComparedItem[] => {
      const spec = snap.agreements.find((a) => a.id === aid)
      return spec
        ? [{ key: `a:${aid}`, title: spec.title[lang], schedule: signedSchedule(snap, spec) }]
        : []
    })
    const ps = proposalIds.flatMap((pid): ComparedItem[] => {
      const p = proposals.data?.find((x) => x.id === pid)
      return p ? [{ key: `p:${pid}`, title: textIn(p.title, lang), schedule: p.schedule }] : []
    })
    return [...ags, ...ps].slice(0, MAX_ITEMS)
  }, [snap, proposals.data, agreementIds, proposalIds, lang])
  const cmp = useMemo(
    () =>
      compareItems(
        items,
        position && { reservationValue: position.reservationValue, target: position.target },
        snap?.indices ?? {},
        // no sourced count of stationed service members in the record (see decision 0014)
        null,
      ),
    [items, position, snap],
  )

  if (!n.data) return <QueryStatus query={n} what="negotiation" />
  if (!snap) return <QueryStatus query={record} what="record" />
  const setQuery = (q: URLSearchParams) => {
    // the agreement shown by default is named, so a shared link shows the same items
    if (!q.has('a')) q.set('a', agreementIds.join(','))
    setParams(q, { replace: true })
  }
  const pickedAgreements = items.filter((i) => i.key.startsWith('a:')).map((i) => i.key.slice(2))
  const pickedProposals = items.filter((i) => i.key.startsWith('p:')).map((i) => i.key.slice(2))
  const full = items.length >= MAX_ITEMS
  const won = (minor: string | null, testId?: string) => (
    <Money minor={minor} currency="KRW" testId={testId} />
  )
  const delta = (d: string | null) => (d === null ? '—' : formatMoneyDelta(BigInt(d), 'KRW', lang))
  const unit = chartUnit('KRW', lang, t)

  return (
    <article className="compare-page" data-testid="compare-page">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/negotiations">{t('nav.negotiations')}</Link> /{' '}
        <Link to={`/negotiations/${id}`}>{n.data.title[lang]}</Link> /{' '}
        <span>{t('compare.title')}</span>
      </nav>
      <h1>{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>

      <section aria-labelledby="compare-pick-h" className="card compare-pick">
        <h2 id="compare-pick-h">{t('compare.pick')}</h2>
        <p className="small muted">{t('compare.pickHelp', { max: MAX_ITEMS })}</p>
        <fieldset>
          <legend>{t('compare.agreements')}</legend>
          <ul className="plain-list">
            {agreements.map((a) => (
              <li key={a.id}>
                <label>
                  <input
                    type="checkbox"
                    data-testid={`pick-a-${a.id}`}
                    checked={agreementIds.includes(a.id)}
                    disabled={full && !agreementIds.includes(a.id)}
                    onChange={(e) => {
                      setQuery(toggled(params, 'a', agreementIds, a.id, e.target.checked))
                    }}
                  />{' '}
                  {a.title[lang]}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend>{t('compare.proposals')}</legend>
          {proposals.data?.length === 0 && (
            <p className="muted small">{t('negotiation.noProposals')}</p>
          )}
          <ul className="plain-list">
            {(proposals.data ?? []).map((p) => (
              <li key={p.id}>
                <label>
                  <input
                    type="checkbox"
                    data-testid={`pick-p-${p.id}`}
                    checked={proposalIds.includes(p.id)}
                    disabled={full && !proposalIds.includes(p.id)}
                    onChange={(e) => {
                      setQuery(toggled(params, 'p', proposalIds, p.id, e.target.checked))
                    }}
                  />{' '}
                  {textIn(p.title, lang)}{' '}
                  <span className="muted small">({proposalNote(p, t)})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {(positions.data?.length ?? 0) > 1 && (
          <SelectField
            label={t('compare.position')}
            value={position?.id ?? ''}
            testId="compare-position"
            onValue={(v) => {
              const q = new URLSearchParams(params)
              q.set('pos', v)
              setQuery(q)
            }}
          >
            {(positions.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </SelectField>
        )}
        <p className="small" data-testid="compare-position-note">
          {!canPositions
            ? t('compare.positionsPrivate')
            : position === null
              ? t('compare.noPosition')
              : t('compare.against', { position: position.title })}
        </p>
      </section>

      {items.length === 0 ? (
        <p className="muted">{t('compare.nothing')}</p>
      ) : (
        <>
          <SummaryTable
            reference={cmp.reference}
            rows={cmp.rows}
            won={won}
            delta={delta}
            base={cmp.cpiBaseYear}
            hasPosition={position !== null}
          />
          <YearlyTable cmp={cmp} won={won} />
          <Chart
            label={t('compare.chartLabel')}
            testId="compare-chart"
            height={320}
            option={yearlyOption(
              cmp,
              unit,
              { reservation: position?.reservationValue ?? null, target: position?.target ?? null },
              { reservation: t('compare.reservationLine'), target: t('compare.targetLine') },
            )}
          />
          <ul className="small muted compare-notes">
            <li>
              {cmp.cpiBaseYear === null
                ? t('compare.noCpi')
                : t('compare.realNote', { year: cmp.cpiBaseYear })}
            </li>
            <li>{t('compare.roundingNote')}</li>
            <li data-testid="per-member-note">{t('compare.perMemberUnavailable')}</li>
          </ul>
          <MonteCarlo
            negotiationId={id}
            picked={{ agreements: pickedAgreements, proposals: pickedProposals }}
            titles={items.map((i) => i.title)}
          />
        </>
      )}
    </article>
  )
}

/** The position chosen in the URL, else the latest saved one. */
function pickPosition(list: readonly PositionView[], id: string | null): PositionView | null {
  return list.find((p) => p.id === id) ?? list[list.length - 1] ?? null
}

function proposalNote(p: ProposalView, t: ReturnType<typeof useLang>['t']): string {
  return `${t(`partyAdj.${p.ownerParty}`)} · ${t(`workflow.state.${p.state}`)}`
}

function SummaryTable({
  reference,
  rows,
  won,
  delta,
  base,
  hasPosition,
}: {
  readonly reference: string | null
  readonly rows: readonly ComparedRow[]
  readonly won: (minor: string | null, testId?: string) => React.ReactNode
  readonly delta: (d: string | null) => string
  readonly base: number | null
  readonly hasPosition: boolean
}) {
  const { t } = useLang()
  return (
    <PlainTable
      caption={t('compare.caption')}
      testId="compare-table"
      scrollLabel={t('compare.caption')}
      columns={[
        { label: t('compare.item') },
        { label: t('compare.term') },
        { label: t('agreement.totalOverTerm'), num: true },
        { label: t('compare.average'), num: true },
        { label: t('compare.realAverage', { year: base ?? '—' }), num: true },
        { label: t('compare.difference'), num: true },
        ...(hasPosition
          ? [
              { label: t('compare.vsReservation'), num: true },
              { label: t('compare.vsTarget'), num: true },
            ]
          : []),
        { label: t('compare.perMember'), num: true },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.key} data-testid={`row-${r.key}`}>
          <th scope="row">{r.title}</th>
          <td>
            {r.firstYear === null
              ? '—'
              : `${r.firstYear}–${r.lastYear} (${t('words.years', { count: r.years.length })})`}
          </td>
          <td className="num">{r.total === null ? t('compare.pending') : won(r.total)}</td>
          <td className="num" data-testid="average">
            {r.averagePerYear === null ? t('compare.pending') : won(r.averagePerYear)}
          </td>
          <td className="num">
            {r.realAveragePerYear === null ? t('compare.pending') : won(r.realAveragePerYear)}
          </td>
          <td className="num" data-testid="difference">
            {r.key === reference ? (
              t('compare.reference')
            ) : r.difference === null ? (
              '—'
            ) : (
              <>
                {delta(r.difference.won)}
                <div className="small muted">{t(`compare.basis.${r.difference.basis}`)}</div>
              </>
            )}
          </td>
          {hasPosition && (
            <>
              <td className="num" data-testid="vs-reservation">
                {delta(r.vsReservation)}
              </td>
              <td className="num" data-testid="vs-target">
                {delta(r.vsTarget)}
              </td>
            </>
          )}
          <td className="num">
            {r.perServiceMember === null ? t('compare.unavailable') : won(r.perServiceMember)}
          </td>
        </tr>
      ))}
    </PlainTable>
  )
}

function YearlyTable({
  cmp,
  won,
}: {
  readonly cmp: ReturnType<typeof compareItems>
  readonly won: (minor: string | null) => React.ReactNode
}) {
  const { t } = useLang()
  return (
    <PlainTable
      caption={t('compare.yearlyCaption', { year: cmp.cpiBaseYear ?? '—' })}
      testId="compare-yearly"
      scrollLabel={t('compare.yearlyCaption', { year: cmp.cpiBaseYear ?? '—' })}
      columns={[
        { label: t('agreement.year') },
        ...cmp.rows.map((r) => ({ label: r.title, num: true })),
      ]}
    >
      {cmp.allYears.map((y) => (
        <tr key={y}>
          <th scope="row">{y}</th>
          {cmp.rows.map((r) => {
            const f = r.years.find((x) => x.year === y)
            return (
              <td key={r.key} className="num">
                {f === undefined ? (
                  ''
                ) : f.amount === null ? (
                  t('compare.pending')
                ) : (
                  <>
                    {won(f.amount)}
                    <div className="small muted">
                      {t('compare.real')}: {f.real === null ? t('compare.pending') : won(f.real)}
                    </div>
                  </>
                )}
              </td>
            )
          })}
        </tr>
      ))}
    </PlainTable>
  )
}
