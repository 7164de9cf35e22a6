import { createHmac } from 'node:crypto'

/**
 * TOTP codes for browser tests (RFC 6238: SHA-1, 6 digits, 30 s), written apart from the
 * server's src/services/accounts/totp.ts so a mistake there cannot agree with itself here.
 */
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0')
  }
  const bytes = bits.match(/.{8}/g) ?? []
  return Buffer.from(bytes.map((b) => parseInt(b, 2)))
}

export function totpCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = createHmac('sha1', base32(secret)).update(counter).digest()
  const offset = (mac[19] ?? 0) & 0x0f
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/** The last step a code was used for, per secret: the server refuses a step used before. */
const lastStep = new Map<string, number>()

/**
 * A code for a step not used yet by this process (waits for the next 30-second step if
 * needed). The server checks codes against the real clock, not the pinned SMA_NOW.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000)
  const last = lastStep.get(secret) ?? -1
  if (step <= last) {
    await new Promise((r) => setTimeout(r, (last + 1) * 30_000 - Date.now() + 200))
    step = Math.floor(Date.now() / 30_000)
  }
  lastStep.set(secret, step)
  return totpCode(secret, step * 30_000 + 1000)
}
