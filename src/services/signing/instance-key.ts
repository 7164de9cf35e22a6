import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { DomainError } from '../../domain/errors.js'

/**
 * The instance's Ed25519 signing key: one per SMA Desk instance, used to sign audit checkpoints
 * and the documents it sends to another instance. Only the public half ever leaves the machine;
 * others recognise the instance by its fingerprint.
 */
export interface InstanceKey {
  /** SPKI PEM of the public key: what another instance registers. */
  readonly publicKeyPem: string
  /** `sha256:` and the hex SHA-256 of the 32-byte raw public key. */
  readonly fingerprint: string
  /** Ed25519 signature of the UTF-8 bytes of `data`, base64. Deterministic (RFC 8032). */
  sign(data: string): string
}

/** Where the key comes from: PEM text (SMA_INSTANCE_KEY) or a file (SMA_INSTANCE_KEY_FILE). */
export interface InstanceKeySource {
  readonly pem?: string | undefined
  readonly file?: string | undefined
}

const keyError = (message: string, ko: string): DomainError =>
  new DomainError('invalid', message, { ko })

/** A new Ed25519 private key as PKCS#8 PEM (for `--generate` and first start). */
export function generateInstanceKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519')
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
}

/**
 * The fingerprint of an Ed25519 public key given as SPKI PEM: `sha256:` + 64 hex digits of the
 * SHA-256 of the raw 32-byte key. Throws `invalid` for text that is not an Ed25519 public key.
 */
export function publicKeyFingerprint(publicKeyPem: string): string {
  return fingerprintOf(parsePublicKey(publicKeyPem))
}

/** Parses PKCS#8 PEM of an Ed25519 private key into an InstanceKey; refuses any other key. */
export function instanceKeyFromPem(privateKeyPem: string): InstanceKey {
  let key: KeyObject
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' })
  } catch {
    throw keyError(
      'The instance key is not a PEM private key.',
      '인스턴스 키가 PEM 형식의 개인 키가 아닙니다.',
    )
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw keyError(
      `The instance key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519.`,
      '인스턴스 키는 Ed25519 키여야 합니다.',
    )
  const pub = createPublicKey(key)
  const publicKeyPem = pub.export({ type: 'spki', format: 'pem' }).toString()
  return {
    publicKeyPem,
    fingerprint: fingerprintOf(pub),
    sign: (data) => cryptoSign(null, Buffer.from(data, 'utf8'), key).toString('base64'),
  }
}

/**
 * Loads the instance key: PEM text first, else the file. With `create`, a missing file is
 * generated (mode 0600) so a new instance signs from its first start; otherwise a missing key
 * gives `undefined` and the caller says what to set.
 */
export function loadInstanceKey(
  source: InstanceKeySource,
  options: { create?: boolean } = {},
): InstanceKey | undefined {
  if (source.pem !== undefined && source.pem.trim() !== '') return instanceKeyFromPem(source.pem)
  const file = source.file
  if (file === undefined || file === '') return undefined
  if (!existsSync(file)) {
    if (options.create !== true) return undefined
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, generateInstanceKeyPem(), { mode: 0o600, flag: 'wx' })
  }
  return instanceKeyFromPem(readFileSync(file, 'utf8'))
}

/**
 * Whether `signature` (base64) is a valid Ed25519 signature of `data` under the public key.
 * Never throws for a malformed signature: a bad one is simply not valid.
 */
export function verifySignature(publicKeyPem: string, data: string, signature: string): boolean {
  const key = parsePublicKey(publicKeyPem)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false
  const bytes = Buffer.from(signature, 'base64')
  if (bytes.length !== 64) return false
  try {
    return cryptoVerify(null, Buffer.from(data, 'utf8'), key, bytes)
  } catch {
    return false
  }
}

function parsePublicKey(publicKeyPem: string): KeyObject {
  let key: KeyObject
  try {
    key = createPublicKey({ key: publicKeyPem, format: 'pem' })
  } catch {
    throw keyError('The public key is not PEM.', '공개 키가 PEM 형식이 아닙니다.')
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw keyError('The public key is not Ed25519.', '공개 키는 Ed25519 키여야 합니다.')
  return key
}

function fingerprintOf(pub: KeyObject): string {
  // The raw key is the last 32 bytes of the SPKI DER (RFC 8410: 12-byte header + key).
  const der = pub.export({ type: 'spki', format: 'der' })
  const raw = der.subarray(der.length - 32)
  return `sha256:${createHash('sha256').update(raw).digest('hex')}`
}
