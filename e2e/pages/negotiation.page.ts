import type { Locator, Page } from '@playwright/test'

export class NegotiationPage {
  readonly privateArea: Locator
  readonly positions: Locator
  readonly rounds: Locator
  readonly lifecycle: Locator

  constructor(readonly page: Page) {
    this.privateArea = page.getByTestId('private-area')
    this.positions = page.getByTestId('position')
    this.rounds = page.getByTestId('rounds')
    this.lifecycle = page.getByTestId('negotiation-lifecycle')
  }

  async goto(id: string, lang?: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/negotiations/${id}${lang ? `?lang=${lang}` : ''}`)
    await this.page.getByTestId('negotiation-page').waitFor()
  }

  async addPosition(p: { title: string; reservation: string; target: string; notes: string }) {
    const form = this.privateArea.locator('form')
    await form.getByLabel(/^(Title|제목)$/).fill(p.title)
    await form.getByLabel(/^(Reservation value|유보가격)/).fill(p.reservation)
    await form.getByLabel(/^(Target|목표)/).fill(p.target)
    await form.getByLabel(/^(Notes|메모)$/).fill(p.notes)
    await form.getByRole('button').click()
  }
}
