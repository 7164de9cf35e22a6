import { describe, expect, it } from 'vitest'
import { DomainError } from '../../domain/errors.js'
import { assertStrongPassword } from './password-policy.js'

const refusal = async (password: string, inputs: string[] = []): Promise<DomainError | null> => {
  try {
    await assertStrongPassword(password, inputs)
    return null
  } catch (e) {
    if (e instanceof DomainError) return e
    throw e
  }
}

describe('password policy (issue 14, finding 9)', () => {
  it('refuses "aaaaaaaaaaaa" with the reason in English and Korean', async () => {
    const e = await refusal('aaaaaaaaaaaa')
    expect(e?.code).toBe('invalid')
    expect(e?.message).toContain('Repeated characters')
    expect(e?.extra.ko).toContain('같은 문자를 반복')
    expect(e?.extra.errors?.[0]?.pointer).toBe('/password')
  })

  it('refuses common and breached passwords and keyboard rows', async () => {
    for (const p of ['password1234', 'iloveyou1234', 'qwertyuiop12', '123456789012']) {
      expect(await refusal(p), p).not.toBeNull()
    }
    expect((await refusal('password1234'))?.extra.ko).toContain('흔히 쓰이는 비밀번호')
  })

  it('refuses short ones and ones made of the account email', async () => {
    expect((await refusal('Short1!'))?.extra.ko).toContain('12자 이상')
    expect((await refusal('kr.admin@demo.sma-2026', ['kr.admin@demo.sma']))?.extra.ko).toContain(
      '계정 정보',
    )
  })

  it('accepts long phrases of uncommon words', async () => {
    expect(await refusal('a quiet harbour of brass lanterns')).toBeNull()
    expect(await refusal('demo-password-2026')).toBeNull()
  })
})

describe('context-specific words (ASVS 5.0 V6.2.11)', () => {
  it('counts the application’s own words as known to an attacker', async () => {
    // accepted without the list (zxcvbn alone scores it 3+)
    expect(await refusal('SmaDesk2026!')).not.toBeNull()
    expect(await refusal('smadeskusfk1')).not.toBeNull()
  })
})
