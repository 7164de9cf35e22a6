import { canonicalJson } from './canonical-json.js'
import { sha256Hex } from './sha256.js'

/**
 * The audit log's hash chains (issue 14). Every entry belongs to one chain: `shared` for public
 * and shared entries, or the acting party's own chain (`KR`, `US`, …) for private entries and
 * for that party's sign-ins and tokens. Each chain has its own dense sequence numbers and its
 * own links, so nothing in the shared chain depends on — or reveals — another party's private
 * work. Pure: the same functions run in the server, the CLI and the migration.
 */

/** The chain of public and shared entries, seen by every admin. */
export const SHARED_CHAIN = 'shared'
/** The `prevHash` of a chain's first entry. */
export const GENESIS = '0'.repeat(64)

/** The fields an entry's hash covers (`seq` is the number within its chain). */
export interface ChainEntry {
  readonly chain: string
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly party: string
  readonly action: string
  readonly object: string
  readonly visibility: string
  readonly payloadDigest: string
  readonly prevHash: string
  readonly hash: string
}

/**
 * The chain an entry goes to: its party's own chain when private, else the shared one.
 * @example chainOf('private', 'KR') // 'KR'
 * @example chainOf('shared', 'KR') // 'shared'
 */
export function chainOf(visibility: string, party: string): string {
  return visibility === 'private' ? party : SHARED_CHAIN
}

/**
 * An entry's hash: SHA-256 (hex) of `audit.v2` followed by the canonical JSON of every field
 * but the hash. Covering `chain` and `prevHash` makes moving an entry to another chain or
 * position detectable.
 * @example entryHashV2({ chain: 'shared', seq: 1, …, prevHash: GENESIS }) // 64 hex digits
 */
export function entryHashV2(e: Omit<ChainEntry, 'hash'>): string {
  return sha256Hex(
    'audit.v2' +
      canonicalJson({
        chain: e.chain,
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        party: e.party,
        action: e.action,
        object: e.object,
        visibility: e.visibility,
        payloadDigest: e.payloadDigest,
        prevHash: e.prevHash,
      }),
  )
}

/**
 * The salted commitment to an entry's payload: SHA-256 (hex) of `audit.payload.v2`, the salt
 * (32 hex digits, stored with the entry) and the payload's canonical JSON. The salt makes a
 * guess of a short payload (a token name) unconfirmable to anyone not given the salt; giving it
 * with the payload lets its reader check the digest.
 * @example payloadDigest('00…00', { name: 'ci' }) // sha256Hex('audit.payload.v2' + '00…00' + '{"name":"ci"}')
 */
export function payloadDigest(salt: string, payload: unknown): string {
  return sha256Hex('audit.payload.v2' + salt + canonicalJson(payload ?? null))
}

/** What a checkpoint records of one chain: its length, its head and every entry's hash. */
export interface ChainAnchor {
  readonly chain: string
  readonly entries: number
  readonly head: string
  /** The hash of entry 1…entries, so a verifier can name the first changed entry. */
  readonly hashes: readonly string[]
}

export type ChainFault =
  | 'missing'
  | 'inserted or reordered'
  | 'broken link'
  | 'modified'
  | 'changed since the checkpoint'
  | 'missing since the checkpoint'

export type ChainResult =
  | { readonly chain: string; readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly chain: string
      readonly ok: false
      readonly entries: number
      /** The first missing or changed entry (number within the chain). */
      readonly seq: number
      readonly reason: ChainFault
    }

/**
 * Walks one chain (entries sorted by `seq`) and names its first broken entry: a gap in the
 * numbers (`missing`), a repeated number (`inserted or reordered`), a `prevHash` not equal to
 * the previous hash (`broken link`), a hash that does not match its fields (`modified`). With
 * an anchor from a signed checkpoint it also finds what a chain recomputed with this very hash
 * function hides: an entry whose hash differs from the one anchored (`changed since the
 * checkpoint`) and entries anchored but gone (`missing since the checkpoint`: truncation).
 * @example verifyChain('KR', [e1, e2, e3], { …, entries: 4 }) // { ok: false, seq: 4, reason: 'missing since the checkpoint' }
 */
export function verifyChain(
  chain: string,
  rows: readonly ChainEntry[],
  anchor?: ChainAnchor,
): ChainResult {
  const n = rows.length
  let prev = GENESIS
  for (let i = 0; i < n; i++) {
    const r = rows[i] as ChainEntry
    const expected = i + 1
    const fail = (seq: number, reason: ChainFault): ChainResult => ({
      chain,
      ok: false,
      entries: n,
      seq,
      reason,
    })
    if (r.seq !== expected)
      return r.seq > expected
        ? fail(
            expected,
            anchor && expected <= anchor.entries ? 'missing since the checkpoint' : 'missing',
          )
        : fail(r.seq, 'inserted or reordered')
    if (anchor && expected <= anchor.entries && anchor.hashes[i] !== r.hash)
      return fail(expected, 'changed since the checkpoint')
    if (r.prevHash !== prev) return fail(expected, 'broken link')
    if (r.chain !== chain || entryHashV2(r) !== r.hash) return fail(expected, 'modified')
    prev = r.hash
  }
  if (anchor && n < anchor.entries)
    return { chain, ok: false, entries: n, seq: n + 1, reason: 'missing since the checkpoint' }
  return { chain, ok: true, entries: n, head: prev }
}

/**
 * Verifies every chain, those in the database and those a checkpoint anchors (a chain anchored
 * but wholly deleted fails at entry 1). Results are sorted by chain name.
 */
export function verifyChains(
  byChain: ReadonlyMap<string, readonly ChainEntry[]>,
  anchors: readonly ChainAnchor[] = [],
): ChainResult[] {
  const anchorOf = new Map(anchors.map((a) => [a.chain, a]))
  const names = [...new Set([...byChain.keys(), ...anchorOf.keys()])].sort()
  return names.map((c) => verifyChain(c, byChain.get(c) ?? [], anchorOf.get(c)))
}

/**
 * An entry as the single chain of before issue 14 hashed it: the same fields without a chain
 * name (its `seq` was global) and without its own hash.
 */
export type LegacyEntry = Omit<ChainEntry, 'chain' | 'hash'>

/**
 * The hash of the single chain of before issue 14 (migration 0008 keeps it as `v1_hash`, so a
 * head anchored then can still be checked): SHA-256 (hex) of `audit.v1` and the canonical JSON
 * of the entry without its hash.
 */
export function entryHashV1(e: LegacyEntry): string {
  return sha256Hex(
    'audit.v1' +
      canonicalJson({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        party: e.party,
        action: e.action,
        object: e.object,
        visibility: e.visibility,
        payloadDigest: e.payloadDigest,
        prevHash: e.prevHash,
      }),
  )
}
