// Writes the first page of each brief as a PNG in docs/screenshots/ (README): the 12th SMA's
// agreement brief in Korean and English, and KR's negotiation brief of the 13th SMA talks.
// Needs pdftoppm (poppler-utils). Run: npx tsx scripts/brief-screenshots.ts
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scopeOf } from '../src/domain/access/scope.js'
import type { Principal } from '../src/domain/access/permissions.js'
import type { SmaAnalysisSetup } from '../src/domain/bargaining/index.js'
import { openDatabase } from '../src/db/open.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { agreementBriefFile, negotiationBriefFile } from '../src/exports/make.js'
import { shippedSnapshot } from '../src/record/shipped-record.js'
import { createAnalysis } from '../src/services/analyses/setups.js'
import { negotiationBriefInput } from '../src/services/exports/negotiation-brief.js'
import { createPosition } from '../src/services/negotiations/positions.js'
import { createProposal } from '../src/services/negotiations/proposals.js'
import { createSpecCache } from '../src/services/record/spec-cache.js'
import { databaseRecordSource } from '../src/services/record/database-record-source.js'
import { seedIfEmpty } from '../src/services/seed.js'

const NOW = new Date('2026-12-02T09:00:00Z')
const TODAY = '2026-12-02'
const OUT = 'docs/screenshots'
const tmp = mkdtempSync(join(tmpdir(), 'sma-briefs-'))

function firstPage(pdf: Buffer, name: string): void {
  const file = join(tmp, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(OUT, name),
  ])
  process.stdout.write(`${OUT}/${name}.png\n`)
}

const record = shippedSnapshot()
for (const lang of ['ko', 'en'] as const) {
  const f = await agreementBriefFile(record, 'rok-us-sma-12', lang, TODAY, NOW)
  firstPage(f.body, `brief-rok-us-sma-12-${lang}`)
}

const store = openDatabase(':memory:')
await migrateToLatest(store.db, 'sqlite')
await seedIfEmpty(store, () => NOW)
const N = 'rok-us-sma-13-negotiation'
const principal: Principal = {
  userId: 'demo-kr',
  email: 'kr@demo',
  party: 'KR',
  role: 'negotiator',
}
const w = {
  store,
  actor: { id: 'demo-kr', label: 'kr-negotiator@demo', party: 'KR' as const },
  scope: scopeOf(principal),
  cache: createSpecCache(),
  now: () => NOW,
}
const sma12 = JSON.parse(readFileSync('data/agreements/rok-us-sma-12.json', 'utf8')) as Record<
  string,
  unknown
>
await createProposal(w, N, {
  title: '한국 측 1차 제안',
  visibility: 'shared',
  spec: { ...sma12, id: 'rok-us-sma-13-kr-1', ordinal: 13 } as never,
  roundId: null,
  revises: null,
})
await createPosition(w, N, {
  title: '제13차 협상 기본 입장',
  reservationValue: '1650000000000',
  target: '1560000000000',
  priorities: ['연간 인상률 상한 5 % 유지', '소비자물가 연동 방식 유지', '협정 기간 5년'],
  estimateOfOther: {
    reservationValue: '1600000000000',
    target: '1800000000000',
    notes: '미측은 첫해 대폭 인상과 상한 완화를 요구할 것으로 예상됨.',
  },
  notes: '첫해 인상률은 8.3 %를 넘지 않도록 함.',
})
const setup = JSON.parse(
  readFileSync('fixtures/sma-analysis/sma12-kr-view.json', 'utf8'),
) as SmaAnalysisSetup
await createAnalysis(w, N, { title: '제13차 패키지 분석', setup })
const source = databaseRecordSource(store.db, createSpecCache(), 'demo')
const input = await negotiationBriefInput(w, N, TODAY, () => source.snapshot(w.scope))
firstPage((await negotiationBriefFile(input, 'ko', NOW)).body, 'brief-negotiation-kr-ko')
await store.close()
