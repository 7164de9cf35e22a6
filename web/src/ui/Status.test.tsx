import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { ApiError, NetworkError, UnreadableAnswer } from '../api/client'
import { initI18n, translatorOf } from '../i18n/i18n'
import { ErrorBox, errorText, LoadFailed } from './Status'

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
    // No Korean text from the server: the status in Korean words, never the English detail.
    expect(errorText(new ApiError(422, problem(422, 'scenario lacks KR_CPI 2031')), t)).toBe(
      '서버가 요청을 받아들이지 않았습니다(HTTP 422). 입력한 내용을 확인하십시오.',
    )
    expect(errorText(new ApiError(412, problem(412, 'stale')), t)).toMatch(
      /^다른 사용자가 먼저 변경하여/,
    )
    expect(errorText(new ApiError(404, null), t)).toBe('찾을 수 없습니다.')
    const both = {
      ...problem(400, 'Control characters are not allowed.'),
      detailKo: '제어 문자는 허용되지 않습니다.',
    }
    expect(errorText(new ApiError(400, both), t)).toBe('제어 문자는 허용되지 않습니다.')
    await i18next.changeLanguage('en')
    const en = translatorOf(i18next.t)
    expect(errorText(new ApiError(400, both), en)).toBe('Control characters are not allowed.')
    expect(errorText(new ApiError(422, problem(422, 'scenario lacks KR_CPI 2031')), en)).toBe(
      'scenario lacks KR_CPI 2031',
    )
  })

  it('offer a retry in place of a part of a page that failed', async () => {
    await i18next.changeLanguage('ko')
    const retry = vi.fn()
    render(<ErrorBox error={new NetworkError(new TypeError('Failed to fetch'))} onRetry={retry} />)
    expect(screen.getByRole('alert').textContent).toContain('서버에 연결할 수 없습니다.')
    expect(screen.getByRole('alert').textContent).not.toContain('Failed to fetch')
    fireEvent.click(screen.getByRole('button', { name: '다시 시도' }))
    expect(retry).toHaveBeenCalledOnce()
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
