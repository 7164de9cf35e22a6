import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { ApiError, NetworkError, UnreadableAnswer } from '../api/client'
import { initI18n, translatorOf } from '../i18n/i18n'
import { errorText, LoadFailed } from './Status'

beforeAll(() => {
  initI18n('ko')
})
afterEach(cleanup)

const problem = (status: number, detail: string) => ({
  type: 'about:blank',
  title: 't',
  status,
  detail,
})

describe('load failures', () => {
  it('say what went wrong in the reader’s language', async () => {
    await i18next.changeLanguage('ko')
    const t = translatorOf(i18next.t)
    expect(errorText(new NetworkError(new TypeError('Failed to fetch')), t)).toBe(
      '서버에 연결할 수 없습니다. 네트워크 연결을 확인하십시오.',
    )
    expect(errorText(new UnreadableAnswer('/api/record', new Error('x')), t)).toBe(
      '서버의 응답을 읽을 수 없습니다.',
    )
    expect(errorText(new ApiError(503, null), t)).toBe('서버가 오류로 응답했습니다(HTTP 503).')
    expect(errorText(new ApiError(422, problem(422, 'scenario lacks KR_CPI 2031')), t)).toBe(
      'scenario lacks KR_CPI 2031',
    )
    expect(errorText(new ApiError(404, null), t)).toBe('찾을 수 없습니다.')
    const both = {
      ...problem(400, 'Control characters are not allowed.'),
      detailKo: '제어 문자는 허용되지 않습니다.',
    }
    expect(errorText(new ApiError(400, both), t)).toBe('제어 문자는 허용되지 않습니다.')
  })

  it('name what could not be loaded and offer to try again', async () => {
    await i18next.changeLanguage('en')
    const retry = vi.fn()
    render(<LoadFailed what="record" error={new ApiError(500, null)} onRetry={retry} />)
    expect(screen.getByRole('alert').textContent).toContain(
      'The record of agreements and index values could not be loaded.',
    )
    expect(screen.getByRole('alert').textContent).toContain('HTTP 500')
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(retry).toHaveBeenCalledOnce()
  })
})
