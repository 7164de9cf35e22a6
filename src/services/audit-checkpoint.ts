import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { auditCheckpointPayload, type AuditCheckpointPayload } from '../contracts/audit.js'
import type { ChainAnchor } from '../domain/audit/chain.js'
import { DomainError } from '../domain/errors.js'
import type { DbOrTrx } from '../db/database.js'
import { readChains, verifyAuditChain, type ChainVerdict } from './audit.js'
import type { InstanceKey } from './signing/instance-key.js'
import { openSignedDocument, signDocument, type SignedDocument } from './signing/signed-document.js'

/** The `kind` of a signed audit checkpoint. */
export const CHECKPOINT_KIND = 'audit-checkpoint'

/**
 * A signed checkpoint of every chain's head (and every entry's hash, to locate a change). The
 * chains are verified first: a broken log is refused (exit 3 on the CLI) rather than anchored.
 */
export async function createCheckpoint(
  db: DbOrTrx,
  key: InstanceKey,
  now: Date,
): Promise<SignedDocument<AuditCheckpointPayload>> {
  const verdict = await verifyAuditChain(db)
  if (!verdict.ok) throw brokenChain(verdict)
  const chains = [...(await readChains(db)).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([chain, rows]) => ({
      chain,
      entries: rows.length,
      head: rows.at(-1)?.hash ?? '',
      hashes: rows.map((r) => r.hash),
    }))
    .filter((c) => c.entries > 0)
  return signDocument(key, CHECKPOINT_KIND, { chains }, now)
}

/** The error of a broken chain: names the chain and its first missing or changed entry. */
export function brokenChain(v: Extract<ChainVerdict, { ok: false }>): DomainError {
  return new DomainError(
    'unprocessable',
    `audit chain ${v.chain} broken at entry ${String(v.seq)} (${v.reason})`,
    { ko: `감사 체인 ${v.chain}의 ${String(v.seq)}번 항목이 손상되었습니다(${v.reason}).` },
  )
}

/**
 * Opens a checkpoint file's text: a sma-desk-signed/1 document of kind audit-checkpoint, signed
 * by a trusted key, with a well-formed payload. Throws `unprocessable` naming what is wrong.
 */
export function openCheckpoint(
  text: string,
  trusted: ReadonlySet<string>,
): { anchors: ChainAnchor[]; signedAt: string; fingerprint: string } {
  const doc = openSignedDocument(text, [CHECKPOINT_KIND], trusted)
  const parsed = auditCheckpointPayload.safeParse(doc.payload)
  const ok =
    parsed.success &&
    parsed.data.chains.every((c) => c.hashes.length === c.entries && c.hashes.at(-1) === c.head)
  if (!parsed.success || !ok)
    throw new DomainError('unprocessable', 'The checkpoint payload is malformed.', {
      ko: '체크포인트 내용의 형식이 잘못되었습니다.',
    })
  return {
    anchors: parsed.data.chains,
    signedAt: doc.signedAt,
    fingerprint: doc.signer.fingerprint,
  }
}

/** Where scheduled checkpoints go: a directory, a URL (HTTP POST of the JSON), or both. */
export interface CheckpointTarget {
  readonly dir?: string | undefined
  readonly url?: string | undefined
}

/** The file name of a checkpoint: its signing time, so names sort oldest to newest. */
export const checkpointFileName = (signedAt: string): string =>
  `audit-checkpoint-${signedAt.replace(/[:.]/g, '-')}.json`

/** Writes one checkpoint to the target; returns where it went. Throws if a target fails. */
export async function writeCheckpoint(
  doc: SignedDocument,
  target: CheckpointTarget,
  send: typeof fetch = fetch,
): Promise<string[]> {
  const text = `${JSON.stringify(doc, null, 2)}\n`
  const wrote: string[] = []
  if (target.dir !== undefined) {
    mkdirSync(target.dir, { recursive: true })
    const file = join(target.dir, checkpointFileName(doc.signedAt))
    writeFileSync(file, text, { flag: 'wx', mode: 0o644 })
    wrote.push(file)
  }
  if (target.url !== undefined) {
    const res = await send(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
      signal: AbortSignal.timeout(10_000),
    })
    if (!res.ok) throw new Error(`checkpoint POST to ${target.url} answered ${String(res.status)}`)
    wrote.push(target.url)
  }
  return wrote
}

/** The newest checkpoint file in a directory (by name), or null when there is none. */
export function newestCheckpoint(dir: string): { file: string; text: string } | null {
  let names: string[]
  try {
    names = readdirSync(dir).filter((n) => /^audit-checkpoint-.*\.json$/.test(n))
  } catch {
    return null
  }
  const newest = names.sort().at(-1)
  if (newest === undefined) return null
  const file = join(dir, newest)
  return { file, text: readFileSync(file, 'utf8') }
}

/**
 * Writes a checkpoint now and then every `minutes` (the timer does not keep the process
 * alive). A failure is logged and retried at the next tick; it never stops the server.
 */
export function scheduleCheckpoints(opts: {
  readonly db: DbOrTrx
  readonly key: InstanceKey
  readonly target: CheckpointTarget
  readonly minutes: number
  readonly now: () => Date
  readonly log: (msg: string) => void
}): () => void {
  const tick = async (): Promise<void> => {
    try {
      const doc = await createCheckpoint(opts.db, opts.key, opts.now())
      const wrote = await writeCheckpoint(doc, opts.target)
      opts.log(`audit checkpoint written: ${wrote.join(', ')}`)
    } catch (err) {
      opts.log(`audit checkpoint failed: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  void tick()
  const timer = setInterval(() => void tick(), opts.minutes * 60_000)
  timer.unref()
  return () => {
    clearInterval(timer)
  }
}
