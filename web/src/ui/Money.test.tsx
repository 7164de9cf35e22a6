import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { initI18n } from '../i18n/i18n'
import { Money } from './Money'

beforeAll(() => {
  initI18n('ko')
})
afterEach(cleanup)

describe('<Money>', () => {
  it('shows 조/억 in Korean with the exact amount on hover', async () => {
    await i18next.changeLanguage('ko')
    render(<Money minor="1595200000000" currency="KRW" testId="m" />)
    const el = screen.getByTestId('m')
    expect(el.textContent).toBe('1조 5,952억 원')
    expect(el.getAttribute('title')).toBe('₩1,595,200,000,000')
  })

  it('shows every digit in English', async () => {
    await i18next.changeLanguage('en')
    render(<Money minor="1595200000000" currency="KRW" testId="m" />)
    expect(screen.getByTestId('m').textContent).toBe('₩1,595,200,000,000')
  })

  it('says when there is no figure', async () => {
    await i18next.changeLanguage('ko')
    render(<Money minor={null} currency="KRW" />)
    expect(screen.getByText('금액 없음')).toBeTruthy()
  })
})
