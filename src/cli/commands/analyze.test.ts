import { existsSync } from 'node:fs'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { run } from '../main.js'
import {
  MIXED_DOMAIN_XML,
  MIXED_PROFILE_A_XML,
  MIXED_PROFILE_B_XML,
} from '../../domain/bargaining/fixtures/genius-fixtures.js'
import {
  FRUIT_DOMAIN_JSON,
  FRUIT_PROFILE_A_JSON,
  FRUIT_PROFILE_B_JSON,
} from '../../domain/bargaining/fixtures/geniusweb-fixtures.js'

/** Runs the CLI in-process and captures stdout/stderr. */
async function sma(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk)
    return true
  })
  try {
    const code = await run(args)
    return { code, out, err }
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
}

type Point = { utility: [number, number]; bid: Record<string, string | number> }
type AnalyzeJson = {
  outcomes: number
  reservation: [number, number]
  frontier: Point[]
  frontierPoints: number
  frontierOutcomes: number
  nash: Point & { ties: number }
  kalaiSmorodinsky: Point
  equalUtility: Point
  egalitarian: Point
  maxWelfare: Point
  zopa: { outcomes: number }
  opposition: number
}

// Third-party sample files are never copied into the project: the test suite points at them with
// SMA_GENIUS_SAMPLES (scripts/test-all.sh sets it to ../shared/samples/genius beside the checkout).
const samples =
  process.env.SMA_GENIUS_SAMPLES ??
  resolve(import.meta.dirname, '../../../../shared/samples/genius')
const haveSamples = existsSync(samples)
if (!haveSamples)
  console.warn(`skipping GENIUS sample tests: ${samples} not found (set SMA_GENIUS_SAMPLES)`)

describe.skipIf(!haveSamples)(
  'sma analyze on the GENIUS samples (reference values of samples/genius/README.md)',
  () => {
    const cases = [
      {
        name: 'Laptop',
        files: [
          'Laptop/laptop_domain.xml',
          'Laptop/laptop_buyer_utility.xml',
          'Laptop/laptop_seller_utility.xml',
        ],
        outcomes: 27,
        frontier: 4,
        nash: [1.0, 0.8151053951696905],
        nashBid: { Laptop: 'HP', Harddisk: '60 Gb', 'External Monitor': "19'' LCD" },
        equal: [0.8740242984783759, 0.874024298478376],
        equalBid: { Laptop: 'HP', Harddisk: '80 Gb', 'External Monitor': "19'' LCD" },
      },
      {
        name: 'ItexvsCypress',
        files: [
          'ItexvsCypress/ItexvsCypress_domain.xml',
          'ItexvsCypress/ItexvsCypress_Cypress.xml',
          'ItexvsCypress/ItexvsCypress_Itex.xml',
        ],
        outcomes: 180,
        frontier: 18,
        nash: [0.6704784151387018, 0.7214778614020514],
        nashBid: {
          Price: '$3.47',
          Delivery: '45 days',
          Payment: '30 days after delivery',
          Returns: '5% spoilage allowed',
        },
        equal: [0.6704784151387018, 0.7214778614020514],
        equalBid: {
          Price: '$3.47',
          Delivery: '45 days',
          Payment: '30 days after delivery',
          Returns: '5% spoilage allowed',
        },
      },
    ]
    it.each(cases)('$name', async (c) => {
      const { code, out } = await sma(
        'analyze',
        '--genius',
        ...c.files.map((f) => join(samples, f)),
        '--json',
      )
      expect(code).toBe(0)
      const j = JSON.parse(out) as AnalyzeJson
      expect(j.outcomes).toBe(c.outcomes)
      expect(j.reservation).toEqual([0, 0])
      expect(j.frontier).toHaveLength(c.frontier)
      expect(j.frontierOutcomes).toBe(c.frontier)
      expect(j.nash.utility[0]).toBeCloseTo(c.nash[0]!, 9)
      expect(j.nash.utility[1]).toBeCloseTo(c.nash[1]!, 9)
      expect(j.nash.bid).toEqual(c.nashBid)
      expect(j.equalUtility.utility[0]).toBeCloseTo(c.equal[0]!, 9)
      expect(j.equalUtility.utility[1]).toBeCloseTo(c.equal[1]!, 9)
      expect(j.equalUtility.bid).toEqual(c.equalBid)
      expect(j.zopa.outcomes).toBe(c.outcomes)
    })

    it('Laptop: egalitarian = equal utility, max welfare = Nash, the cap at 1 holds at both ends', async () => {
      const c = cases[0]!
      const { out } = await sma(
        'analyze',
        '--genius',
        ...c.files.map((f) => join(samples, f)),
        '--json',
      )
      const j = JSON.parse(out) as AnalyzeJson
      expect(j.egalitarian.utility).toEqual(j.equalUtility.utility)
      expect(j.maxWelfare.utility).toEqual(j.nash.utility)
      expect(j.frontier[0]!.utility[1]).toBe(1)
      expect(j.frontier.at(-1)!.utility[0]).toBe(1)
    })

    it.each(cases)(
      '$name with --convention genius: the README reference values bit for bit',
      async (c) => {
        const { code, out } = await sma(
          'analyze',
          '--genius',
          '--convention',
          'genius',
          ...c.files.map((f) => join(samples, f)),
          '--json',
        )
        expect(code).toBe(0)
        const j = JSON.parse(out) as AnalyzeJson & { convention: string; tolerance: number }
        expect(j.convention).toBe('genius')
        expect(j.tolerance).toBe(0)
        expect(j.outcomes).toBe(c.outcomes)
        expect(j.frontierPoints).toBe(c.frontier)
        expect(j.frontierOutcomes).toBe(c.frontier)
        // exact equality: GENIUS 10.4's own float results (samples/genius/README.md)
        expect(j.nash.utility).toEqual(c.nash)
        expect(j.nash.bid).toEqual(c.nashBid)
        expect(j.kalaiSmorodinsky.utility).toEqual(c.equal)
        expect(j.kalaiSmorodinsky.bid).toEqual(c.equalBid)
        expect(j.equalUtility.utility).toEqual(c.equal)
      },
    )

    it('rejects an unknown convention in one line', async () => {
      const c = cases[0]!
      const r = await sma(
        'analyze',
        '--genius',
        '--convention',
        'negmas',
        ...c.files.map((f) => join(samples, f)),
      )
      expect(r.code).toBe(2)
      expect(r.err.trim()).toBe('sma: unknown convention "negmas": use sma-desk or genius')
    })

    it('prints a readable summary without --json', async () => {
      const c = cases[0]!
      const { code, out } = await sma(
        'analyze',
        '--genius',
        ...c.files.map((f) => join(samples, f)),
      )
      expect(code).toBe(0)
      expect(out).toContain('Pareto frontier: 4 distinct points, 4 outcomes')
      expect(out).toMatch(/nash\s+\(1\.0000, 0\.8151\)\s+HP, 60 Gb/)
    })
  },
)

describe('sma analyze / simulate on hand-made files', () => {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sma-negotiation-'))
    writeFileSync(join(dir, 'd.xml'), MIXED_DOMAIN_XML)
    writeFileSync(join(dir, 'a.xml'), MIXED_PROFILE_A_XML)
    writeFileSync(join(dir, 'b.xml'), MIXED_PROFILE_B_XML)
    writeFileSync(join(dir, 'bad.xml'), '<utility_space><objective>')
    writeFileSync(join(dir, 'd.json'), FRUIT_DOMAIN_JSON)
    writeFileSync(join(dir, 'a.json'), FRUIT_PROFILE_A_JSON)
    writeFileSync(join(dir, 'b.json'), FRUIT_PROFILE_B_JSON)
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })
  const f = (...names: string[]) => names.map((n) => join(dir, n))

  it('GENIUS: JSON contract fields', async () => {
    const { code, out } = await sma(
      'analyze',
      '--genius',
      ...f('d.xml', 'a.xml', 'b.xml'),
      '--json',
    )
    expect(code).toBe(0)
    const j = JSON.parse(out) as AnalyzeJson
    expect(j.outcomes).toBe(3 * 5 * 11)
    expect(j.reservation).toEqual([0.3, 0])
    for (const key of [
      'nash',
      'kalaiSmorodinsky',
      'equalUtility',
      'egalitarian',
      'maxWelfare',
    ] as const) {
      expect(j[key].bid).toHaveProperty('Colour')
      expect(j[key].utility[0]).toBeGreaterThanOrEqual(0.3 - 1e-12)
    }
    expect(j.frontierOutcomes).toBeGreaterThanOrEqual(j.frontierPoints)
    expect(typeof j.opposition).toBe('number')
  })

  it('GeniusWeb: analyze and simulate', async () => {
    const a = await sma('analyze', '--geniusweb', ...f('d.json', 'a.json', 'b.json'), '--json')
    expect(a.code).toBe(0)
    const j = JSON.parse(a.out) as AnalyzeJson
    expect(j.outcomes).toBe(75)
    expect(j.reservation[0]).toBeCloseTo(0.3, 12)
    const s = await sma(
      'simulate',
      '--geniusweb',
      ...f('d.json', 'a.json', 'b.json'),
      '--strategy-a',
      'boulware',
      '--strategy-b',
      'conceder',
      '--rounds',
      '100',
      '--seed',
      '4',
      '--json',
      '--trajectory',
    )
    expect(s.code).toBe(0)
    const r = JSON.parse(s.out) as { agreement: { bid: object } | null; offers: unknown[] }
    expect(r.agreement).not.toBeNull()
    expect(r.offers.length).toBeGreaterThan(0)
    const again = await sma(
      'simulate',
      '--geniusweb',
      ...f('d.json', 'a.json', 'b.json'),
      '--strategy-a',
      'boulware',
      '--strategy-b',
      'conceder',
      '--rounds',
      '100',
      '--seed',
      '4',
      '--json',
      '--trajectory',
    )
    expect(again.out).toBe(s.out)
  })

  it('tournament prints a summary table', async () => {
    const { code, out } = await sma(
      'simulate',
      '--genius',
      ...f('d.xml', 'a.xml', 'b.xml'),
      '--tournament',
      '--strategies',
      'boulware,conceder',
      '--rounds',
      '50',
    )
    expect(code).toBe(0)
    expect(out).toMatch(/A strategy\s+B strategy\s+agreed/)
    expect(out.split('\n').filter((l) => /^(boulware|conceder)\s/.test(l))).toHaveLength(4)
  })

  it('dated deadline with no-deal values', async () => {
    const { code, out } = await sma(
      'simulate',
      '--genius',
      ...f('d.xml', 'a.xml', 'b.xml'),
      '--start',
      '2027-01-04',
      '--deadline',
      '2027-03-01',
      '--round-days',
      '7',
      '--reservation',
      '0.5,0.4',
      '--json',
    )
    expect(code).toBe(0)
    const r = JSON.parse(out) as { rounds: number; reservation: number[] }
    expect(r.rounds).toBe(8)
    expect(r.reservation).toEqual([0.5, 0.4])
  })

  it('bad input: one line, exit 2, no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['analyze', '--genius', ...f('d.xml', 'bad.xml', 'b.xml')],
        /bad\.xml: GENIUS profile "bad" is not well-formed XML/,
      ],
      [['analyze', '--genius', ...f('d.xml', 'a.xml')], /expected 3 files/],
      [['analyze', ...f('d.xml', 'a.xml', 'b.xml')], /--genius or --geniusweb/],
      [
        ['analyze', '--geniusweb', ...f('d.xml', 'a.xml', 'b.xml')],
        /d\.xml: GeniusWeb domain is not valid JSON/,
      ],
      [
        ['analyze', '--genius', ...f('missing.xml', 'a.xml', 'b.xml')],
        /cannot read .*missing\.xml \(ENOENT\)/,
      ],
      [
        ['simulate', '--genius', ...f('d.xml', 'a.xml', 'b.xml'), '--strategy-a', 'greedy'],
        /unknown strategy "greedy"/,
      ],
      [
        ['simulate', '--genius', ...f('d.xml', 'a.xml', 'b.xml'), '--rounds', 'many'],
        /--rounds must be a whole number/,
      ],
      [
        ['simulate', '--genius', ...f('d.xml', 'a.xml', 'b.xml'), '--start', '2027-01-01'],
        /needs both --start and --deadline/,
      ],
    ]
    for (const [args, message] of cases) {
      const { code, err } = await sma(...args)
      expect(code).toBe(2)
      expect(err).toMatch(message)
      expect(err.trim().split('\n')).toHaveLength(1)
    }
  })

  it('bad input in Korean with SMA_LANG=ko: the file named, the problem in official wording', async () => {
    vi.stubEnv('SMA_LANG', 'ko')
    try {
      const xml = await sma('analyze', '--genius', ...f('d.xml', 'bad.xml', 'b.xml'))
      expect(xml.code).toBe(2)
      expect(xml.err).toMatch(
        /^sma: ".*bad\.xml" 파일: GENIUS 프로필 "bad": \d+행의 XML 형식이 올바르지 않습니다\.\n$/,
      )
      const json = await sma('analyze', '--geniusweb', ...f('d.xml', 'a.xml', 'b.xml'))
      expect(json.err).toMatch(
        /^sma: ".*d\.xml" 파일: GeniusWeb 도메인: JSON 형식이 올바르지 않습니다\.\n$/,
      )
      const strategy = await sma(
        'simulate',
        '--genius',
        ...f('d.xml', 'a.xml', 'b.xml'),
        '--strategy-a',
        'greedy',
      )
      expect(strategy.code).toBe(2)
      expect(strategy.err).toBe(
        'sma: 알 수 없는 협상 전략입니다("greedy"). "boulware", "linear", "conceder", "time:<e>", "hardliner", "tit-for-tat" 중 하나를 쓰십시오.\n',
      )
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
