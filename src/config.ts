import { isIP } from 'node:net'
import { z } from 'zod'
import { issueKo } from './contracts/validation-words.js'

/**
 * The process configuration, parsed once from the environment. This is the only module that
 * reads `process.env`; everything else receives a `Config` (or the values it needs) as a
 * parameter.
 */
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true')

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])

/** proxy-addr's names for address ranges, accepted in SMA_TRUST_PROXY beside IPs and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/** Which proxies to trust: false (none), true (any), a hop count, or addresses/CIDRs/ranges. */
export type TrustProxy = boolean | number | readonly string[]

/**
 * SMA_TRUST_PROXY: empty, `false` or `0` → trust none (the client address is the peer's);
 * `true` → trust any (only behind a proxy that always sets X-Forwarded-For); a positive integer
 * → that many hops; otherwise a comma-separated list of IPs, CIDRs or `loopback`, `linklocal`,
 * `uniquelocal`.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): TrustProxy => {
    const text = (v ?? '').trim()
    if (text === '' || text === 'false' || text === '0') return false
    if (text === 'true') return true
    if (/^\d+$/.test(text)) return Number(text)
    const items = text.split(',').map((x) => x.trim())
    for (const item of items) {
      const [address = '', bits] = item.split('/')
      const family = isIP(address)
      const bitsOk =
        bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
      if (!PROXY_RANGES.has(item) && (family === 0 || !bitsOk)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}" is not an IP address, a CIDR, or loopback/linklocal/uniquelocal`,
          params: {
            ko: `"${item}"은(는) IP 주소, CIDR 또는 "loopback", "linklocal", "uniquelocal"이 아닙니다.`,
          },
        })
        return z.NEVER
      }
    }
    return items
  })

/**
 * SMA_PARTIES: which delegations have accounts on this instance. `KR,US` (the default) is the
 * shared instance; `KR` or `US` alone is one delegation's own instance, where the other party's
 * acts are recorded as reported by us (issue 17). Order and spaces do not matter.
 */
const parties = z
  .string()
  .optional()
  .transform((v, ctx): readonly ('KR' | 'US')[] => {
    const text = (v ?? '').trim()
    if (text === '') return ['KR', 'US']
    const items = [...new Set(text.split(',').map((x) => x.trim().toUpperCase()))]
    const bad = items.filter((x) => x !== 'KR' && x !== 'US')
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `"${bad.join(',')}" is not KR, US or KR,US`,
        params: {
          ko: `"${bad.join(',')}"은(는) 쓸 수 없습니다. "KR", "US" 또는 "KR,US"로 쓰십시오.`,
        },
      })
      return z.NEVER
    }
    return (['KR', 'US'] as const).filter((p) => items.includes(p))
  })

export const configSchema = z.object({
  SMA_DB: z.string().min(1).default('./data/sma.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  TEST_PG_URL: z.string().optional(),
  /**
   * Log level (default info). At info the server logs start-up, failed requests (status ≥ 500)
   * and slow ones; at debug and trace every request and response.
   */
  SMA_LOG_LEVEL: logLevel.optional(),
  /** The older name of SMA_LOG_LEVEL, still read when SMA_LOG_LEVEL is unset. */
  LOG_LEVEL: logLevel.optional(),
  /** A request that takes at least this many milliseconds is logged as slow (a warn line). */
  SMA_LOG_SLOW_MS: z.coerce.number().int().min(1).default(1000),
  /** The reverse proxies in front of the server (see `trustProxy`); default none. */
  SMA_TRUST_PROXY: trustProxy,
  /** Create demo users on an empty database (development only). */
  SMA_DEMO_USERS: flag,
  /** Requests per minute per IP for the whole API; 0 disables the global limit. */
  SMA_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  /** `synchronous` pragma for SQLite: FULL (default, durable on power loss) or NORMAL. */
  SMA_SQLITE_SYNC: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** The CLI's personal API token for `sma analyze --negotiation` (else `--token`). */
  SMA_TOKEN: z.string().optional(),
  /** The server the CLI talks to (else `--server`). */
  SMA_SERVER: z.url().default('http://127.0.0.1:8080'),
  /** A fixed clock for the server (ISO date-time): browser tests and demos pin "today" with it. */
  SMA_NOW: z.iso.datetime().optional(),
  /** The instance's Ed25519 private key as PKCS#8 PEM text (wins over SMA_INSTANCE_KEY_FILE). */
  SMA_INSTANCE_KEY: z.string().optional(),
  /** A file holding the instance's Ed25519 private key (PKCS#8 PEM, mode 0600). */
  SMA_INSTANCE_KEY_FILE: z.string().optional(),
  /** Worker threads of the server's projection pool; default the available parallelism. */
  SMA_WORKERS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(256).optional(),
  ),
  /**
   * Projections and analyses that compute at once on one server (bounded heavy work, issue 14);
   * the rest wait in a first-in, first-out queue whose position their starters see.
   */
  SMA_MAX_CONCURRENT_RUNS: z.coerce.number().int().min(1).max(64).default(2),
  /** A directory outside the database where the server writes signed audit checkpoints. */
  SMA_AUDIT_CHECKPOINT_DIR: z.string().optional(),
  /** A URL the server POSTs each signed audit checkpoint to (http or https). */
  SMA_AUDIT_CHECKPOINT_URL: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'an http(s) URL' })])
    .optional(),
  /** Minutes between scheduled audit checkpoints (default 60). */
  SMA_AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
  /** The delegations with accounts here: `KR,US` (default), `KR` or `US` (see `parties`). */
  SMA_PARTIES: parties,
})

export interface Config {
  readonly database: string
  /**
   * SMA_DB as set in the environment (undefined when unset): the record commands of the CLI
   * (`schedule`, `explain`, `agreements`, `check`) read the shipped files unless it is set.
   */
  readonly recordDatabase: string | undefined
  readonly port: number
  readonly host: string
  readonly env: 'development' | 'production' | 'test'
  readonly testPgUrl: string | undefined
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** A request that takes at least this many milliseconds is logged as slow (at warn). */
  readonly slowRequestMs: number
  /** Proxies whose X-Forwarded-For is believed: the rate limits count per client behind them. */
  readonly trustProxy: TrustProxy
  readonly demoUsers: boolean
  readonly rateLimitPerMinute: number
  readonly sqliteSynchronous: 'FULL' | 'NORMAL'
  /** Personal API token for CLI commands that call the server; undefined when unset or empty. */
  readonly token: string | undefined
  readonly server: string
  /** The server's clock: the real one unless SMA_NOW pins it. */
  readonly now: () => Date
  /**
   * Where the instance's Ed25519 signing key is (audit checkpoints, signed exchange):
   * load it with `loadInstanceKey` (src/services/signing/instance-key.ts).
   */
  readonly instanceKey: { readonly pem: string | undefined; readonly file: string | undefined }
  /** Worker threads of the projection pool; undefined: the available parallelism. */
  readonly workers: number | undefined
  /** Heavy runs (projections on the pool, analyses) computing at once; the rest queue. */
  readonly maxConcurrentRuns: number
  /**
   * Scheduled signed audit checkpoints (src/services/audit-checkpoint.ts): off unless a
   * directory or a URL is set; they need the instance key.
   */
  readonly auditCheckpoints: {
    readonly dir: string | undefined
    readonly url: string | undefined
    readonly minutes: number
  }
  /**
   * The delegations with accounts on this instance (SMA_PARTIES): both in a shared instance, one
   * in a delegation's own instance, where the other party's acts are recorded as reported.
   */
  readonly parties: readonly ('KR' | 'US')[]
}

/** A setting that does not parse; `setting` names the environment variable (e.g. SMA_PARTIES). */
export class ConfigError extends Error {
  readonly setting: string
  /** What is wrong with the value, in Korean (src/contracts/validation-words.ts). */
  readonly ko: string
  constructor(setting: string, message: string, ko: string) {
    super(message)
    this.name = 'ConfigError'
    this.setting = setting
    this.ko = ko
  }
}

/**
 * Parses an environment (defaults to `process.env`); throws a ConfigError, one readable line, on
 * bad input.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Config {
  const r = configSchema.safeParse(env)
  if (!r.success) {
    const issue = r.error.issues[0]
    const setting = issue?.path.join('.') ?? ''
    throw new ConfigError(
      setting,
      `configuration: ${setting}: ${issue?.message ?? 'invalid'}`,
      issue === undefined ? '값이 올바르지 않습니다.' : issueKo(issue, false),
    )
  }
  const c = r.data
  return {
    database: c.SMA_DB,
    recordDatabase: env.SMA_DB === undefined || env.SMA_DB === '' ? undefined : c.SMA_DB,
    port: c.PORT,
    host: c.HOST,
    env: c.NODE_ENV,
    testPgUrl: c.TEST_PG_URL === '' ? undefined : c.TEST_PG_URL,
    logLevel: c.SMA_LOG_LEVEL ?? c.LOG_LEVEL ?? 'info',
    slowRequestMs: c.SMA_LOG_SLOW_MS,
    trustProxy: c.SMA_TRUST_PROXY,
    demoUsers: c.SMA_DEMO_USERS,
    rateLimitPerMinute: c.SMA_RATE_LIMIT,
    sqliteSynchronous: c.SMA_SQLITE_SYNC,
    token: c.SMA_TOKEN === '' ? undefined : c.SMA_TOKEN,
    server: c.SMA_SERVER,
    now: c.SMA_NOW === undefined ? () => new Date() : fixedClock(c.SMA_NOW),
    instanceKey: {
      pem: c.SMA_INSTANCE_KEY === '' ? undefined : c.SMA_INSTANCE_KEY,
      file: c.SMA_INSTANCE_KEY_FILE === '' ? undefined : c.SMA_INSTANCE_KEY_FILE,
    },
    workers: c.SMA_WORKERS,
    maxConcurrentRuns: c.SMA_MAX_CONCURRENT_RUNS,
    auditCheckpoints: {
      dir: c.SMA_AUDIT_CHECKPOINT_DIR === '' ? undefined : c.SMA_AUDIT_CHECKPOINT_DIR,
      url: c.SMA_AUDIT_CHECKPOINT_URL === '' ? undefined : c.SMA_AUDIT_CHECKPOINT_URL,
      minutes: c.SMA_AUDIT_CHECKPOINT_MINUTES,
    },
    parties: c.SMA_PARTIES,
  }
}

function fixedClock(iso: string): () => Date {
  const t = new Date(iso).getTime()
  return () => new Date(t)
}

/**
 * SMA_LANG: the language of the CLI's error lines (`ko` for Korean; English otherwise). Read
 * apart from loadConfig, so that an error line never depends on the rest of the configuration
 * being valid.
 */
export function langSetting(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  return env.SMA_LANG
}
