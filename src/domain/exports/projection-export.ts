import type { ProjectionResult, Quantiles } from '../projection/result.js'
import type { Lang } from '../text/localized.js'
import { majorText } from './schedule-export.js'
import type { Cell, ExportColumn, ExportTable } from './table.js'

const Q = ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'] as const

const W = {
  agreement: { ko: '협정', en: 'Agreement' },
  year: { ko: '연도', en: 'Year' },
  status: { ko: '상태', en: 'Status' },
  exact: { ko: '확정 금액', en: 'Exact figure' },
  capBinds: { ko: '상한 적용 확률', en: 'P(cap binds)' },
  floorBinds: { ko: '하한 적용 확률', en: 'P(floor binds)' },
  a: { ko: '협정 A', en: 'Agreement A' },
  b: { ko: '협정 B', en: 'Agreement B' },
  period: { ko: '기간', en: 'Period' },
  pA: { ko: 'A가 더 많을 확률', en: 'P(A costs more)' },
  pB: { ko: 'B가 더 많을 확률', en: 'P(B costs more)' },
  total: { ko: '협정 기간 전체', en: 'whole term' },
} as const

const STATUS: Record<string, Record<Lang, string>> = {
  fixed: { ko: '확정', en: 'fixed' },
  assumed: { ko: '가정값', en: 'assumed' },
  simulated: { ko: '모의실험', en: 'simulated' },
  unknown: { ko: '알 수 없음', en: 'unknown' },
}

function quantileColumns(prefix: Record<Lang, string>, cur: string, lang: Lang): ExportColumn[] {
  return Q.map((q) => ({
    key: `${prefix.en}-${q}`,
    kind: 'money' as const,
    header: `${prefix[lang]} ${q === 'mean' ? (lang === 'ko' ? '평균' : 'mean') : q.toUpperCase()} (${cur})`,
  }))
}

const quantileCells = (q: Quantiles | null, cur: 'KRW' | 'USD' | 'JPY'): Cell[] =>
  Q.map((k) => (q === null ? null : majorText(q[k], cur)))

function projectionNotes(r: ProjectionResult, lang: Lang): string[] {
  const mc = r.mode === 'monte-carlo'
  return lang === 'ko'
    ? [
        `시나리오: ${r.scenario.title.ko} (버전 ${r.scenario.version}). ${mc ? `몬테카를로 ${r.paths.toLocaleString('en-US')}개 경로, 시드 ${r.seed}.` : '결정론적 계산.'}`,
        '‘확정’ 연도는 공표된 입력으로 정해진 금액이며, ‘모의실험’ 연도의 백분위수는 추정치로서 협정상 금액이 아닙니다.',
        '상·하한 적용 확률은 해당 연도 규정의 상한(하한)이 적용된 경로의 비율입니다.',
      ]
    : [
        `Scenario: ${r.scenario.title.en} (version ${r.scenario.version}). ${mc ? `Monte Carlo, ${r.paths.toLocaleString('en-US')} paths, seed ${r.seed}.` : 'Deterministic.'}`,
        '"Fixed" years are set by published inputs; the percentiles of "simulated" years are estimates, not agreed figures.',
        "P(cap binds) is the share of paths on which the year's cap (floor) bound.",
      ]
}

/** A projection: percentiles per agreement and year, and the chance that the cap binds. */
export function projectionExport(r: ProjectionResult, lang: Lang): ExportTable {
  const cur = r.projections[0]?.currency ?? 'KRW'
  const columns: ExportColumn[] = [
    { key: 'agreement', kind: 'text', header: W.agreement[lang] },
    { key: 'year', kind: 'int', header: W.year[lang] },
    { key: 'status', kind: 'text', header: W.status[lang] },
    { key: 'exact', kind: 'money', header: `${W.exact[lang]} (${cur})` },
    ...quantileColumns({ ko: '명목', en: 'nominal' }, cur, lang),
    { key: 'capBinds', kind: 'share', header: W.capBinds[lang] },
    { key: 'floorBinds', kind: 'share', header: W.floorBinds[lang] },
  ]
  const rows = r.projections.flatMap((p) =>
    p.years.map((y): Cell[] => [
      p.agreement.id,
      String(y.year),
      STATUS[y.status]?.[lang] ?? y.status,
      y.exact === null ? null : majorText(y.exact, p.currency),
      ...quantileCells(y.nominal, p.currency),
      y.capBinds === null ? null : String(y.capBinds),
      y.floorBinds === null ? null : String(y.floorBinds),
    ]),
  )
  return {
    name: `${r.projections[0]?.agreement.id ?? 'projection'}-projection`,
    title: lang === 'ko' ? '분담금 전망' : 'Projection',
    lang,
    columns,
    rows,
    sources: [],
    notes: projectionNotes(r, lang),
  }
}

/** The comparisons of a projection: the difference A − B per year and over the term. */
export function comparisonExport(r: ProjectionResult, lang: Lang): ExportTable {
  const cur = r.projections[0]?.currency ?? 'KRW'
  const columns: ExportColumn[] = [
    { key: 'a', kind: 'text', header: W.a[lang] },
    { key: 'b', kind: 'text', header: W.b[lang] },
    { key: 'period', kind: 'text', header: W.period[lang] },
    ...quantileColumns({ ko: '차액(A−B)', en: 'difference A−B' }, cur, lang),
    { key: 'pA', kind: 'share', header: W.pA[lang] },
    { key: 'pB', kind: 'share', header: W.pB[lang] },
  ]
  const rows = r.comparisons.flatMap((c) => [
    ...c.years.map((y): Cell[] => [
      c.a,
      c.b,
      String(y.year),
      ...quantileCells(y.difference, cur),
      String(y.pAHigher),
      String(y.pBHigher),
    ]),
    ...(c.total
      ? [
          [
            c.a,
            c.b,
            W.total[lang],
            ...quantileCells(c.total.difference, cur),
            String(c.total.pAHigher),
            String(c.total.pBHigher),
          ],
        ]
      : []),
  ])
  return {
    name: `${r.projections[0]?.agreement.id ?? 'projection'}-comparison`,
    title: lang === 'ko' ? '협정 비교' : 'Comparison',
    lang,
    columns,
    rows,
    sources: [],
    notes: projectionNotes(r, lang),
  }
}
