import { describe, expect, it } from 'vitest'
import {
  generateInstanceKeyPem,
  instanceKeyFromPem,
  loadInstanceKey,
  publicKeyFingerprint,
  verifySignature,
} from './instance-key.js'
import { openSignedDocument, signDocument } from './signed-document.js'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const NOW = new Date('2026-12-03T00:00:00Z')
const key = instanceKeyFromPem(generateInstanceKeyPem())
const other = instanceKeyFromPem(generateInstanceKeyPem())
const trusted = new Set([key.fingerprint])

describe('instance key', () => {
  it('fingerprints the public key as sha256 hex, the same from PEM', () => {
    expect(key.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(publicKeyFingerprint(key.publicKeyPem)).toBe(key.fingerprint)
    expect(other.fingerprint).not.toBe(key.fingerprint)
  })

  it('verifies its own signatures and refuses changed data or malformed signatures', () => {
    const sig = key.sign('abc')
    expect(verifySignature(key.publicKeyPem, 'abc', sig)).toBe(true)
    expect(verifySignature(key.publicKeyPem, 'abd', sig)).toBe(false)
    expect(verifySignature(other.publicKeyPem, 'abc', sig)).toBe(false)
    expect(verifySignature(key.publicKeyPem, 'abc', 'not base64!')).toBe(false)
    expect(verifySignature(key.publicKeyPem, 'abc', 'AAAA')).toBe(false)
  })

  it('refuses a key that is not Ed25519 PEM, naming the problem', () => {
    expect(() => instanceKeyFromPem('hello')).toThrow(/not a PEM private key/)
    expect(() => publicKeyFingerprint('hello')).toThrow(/not PEM/)
  })

  it('creates a missing key file with mode 0600 only when asked, and reads it back', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sma-key-')), 'k', 'instance.pem')
    expect(loadInstanceKey({ file })).toBeUndefined()
    const created = loadInstanceKey({ file }, { create: true })
    expect(created).toBeDefined()
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(loadInstanceKey({ file })?.fingerprint).toBe(created?.fingerprint)
    expect(readFileSync(file, 'utf8')).toContain('BEGIN PRIVATE KEY')
    expect(loadInstanceKey({ pem: generateInstanceKeyPem(), file })?.fingerprint).not.toBe(
      created?.fingerprint,
    )
  })
})

describe('signed documents', () => {
  const doc = signDocument(key, 'proposal', { amount: '1519200000000', years: [2031, 2035] }, NOW)
  const text = JSON.stringify(doc)

  it('opens a document signed by a trusted key', () => {
    const opened = openSignedDocument(text, ['proposal'], trusted)
    expect(opened.payload).toEqual({ amount: '1519200000000', years: [2031, 2035] })
    expect(opened.signedAt).toBe('2026-12-03T00:00:00.000Z')
  })

  it('refuses every single-character change of the payload', () => {
    const at = text.indexOf('1519200000000')
    for (let i = at; i < at + 13; i++) {
      const digit = text[i] === '9' ? '8' : '9'
      const changed = text.slice(0, i) + digit + text.slice(i + 1)
      expect(() => openSignedDocument(changed, ['proposal'], trusted)).toThrow(/changed after/)
    }
  })

  it('refuses an unsigned file, another kind, an untrusted signer and a swapped key', () => {
    const { signature: _s, ...unsigned } = doc
    expect(() => openSignedDocument(JSON.stringify(unsigned), ['proposal'], trusted)).toThrow(
      /not a signed SMA Desk document/,
    )
    expect(() => openSignedDocument(text, ['round'], trusted)).toThrow(/is a proposal/)
    expect(() => openSignedDocument(text, ['proposal'], new Set())).toThrow(/not a registered/)
    const swapped = JSON.stringify({
      ...doc,
      signer: { fingerprint: key.fingerprint, publicKey: other.publicKeyPem },
    })
    expect(() => openSignedDocument(swapped, ['proposal'], trusted)).toThrow(/does not match/)
    expect(() => openSignedDocument('{', ['proposal'], trusted)).toThrow(/not JSON/)
  })

  it('refuses a document re-signed by another key under the trusted fingerprint', () => {
    const forged = signDocument(other, 'proposal', doc.payload, NOW)
    const claimed = JSON.stringify({ ...forged, signer: doc.signer })
    expect(() => openSignedDocument(claimed, ['proposal'], trusted)).toThrow(/changed after/)
  })
})
