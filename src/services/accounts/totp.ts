import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Time-based one-time passwords per RFC 6238 (over HOTP, RFC 4226) with the parameters every
 * authenticator app defaults to: HMAC-SHA-1, 6 digits, 30-second steps. Pure functions: the
 * caller passes the secret and the time, so tests pin the clock.
 */
export const TOTP_DIGITS = 6
export const TOTP_PERIOD_S = 30
/** Codes of the previous and the next step are accepted too (clock drift of one step). */
export const TOTP_WINDOW = 1

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** RFC 4648 base32 without padding, the form otpauth:// URIs and apps use. */
export function base32Encode(bytes: Uint8Array): string {
  let out = ''
  let bits = 0
  let value = 0
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31)
      bits -= 5
    }
  }
  if (bits > 0) out += ALPHABET.charAt((value << (5 - bits)) & 31)
  return out
}

/** Decodes base32 (case, spaces and `=` padding ignored); throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '')
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch)
    if (i < 0) throw new Error(`not base32: ${ch}`)
    value = (value << 5) | i
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

/** The time step of an instant: floor(unix seconds / 30). */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_S)
}

/** HOTP (RFC 4226 §5.3): the 6-digit code of a counter, zero-padded. */
export function hotp(secret: Uint8Array, counter: number): string {
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', secret).update(msg).digest()
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f
  const bin = mac.readUInt32BE(offset) & 0x7fffffff
  return String(bin % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0')
}

/** The code an authenticator shows at an instant. */
export function totpAt(secretBase32: string, at: Date): string {
  return hotp(base32Decode(secretBase32), totpStep(at))
}

/**
 * The step a code matches within ±1 step of `at`, or null. The caller refuses a step at or
 * before the last one used (RFC 6238 §5.2: a code is accepted once).
 */
export function matchTotp(secretBase32: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const key = base32Decode(secretBase32)
  const now = totpStep(at)
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    if (timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code))) return step
  }
  return null
}

/** The otpauth:// URI authenticator apps read (Key Uri Format), with issuer and account. */
export function otpauthUri(secretBase32: string, account: string, issuer = 'SMA Desk'): string {
  const label = encodeURIComponent(`${issuer}:${account}`)
  const q = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_S),
  })
  return `otpauth://totp/${label}?${q.toString()}`
}
