import type { Locator, Page } from '@playwright/test'

export class NegotiationPage {
  readonly privateArea: Locator
  readonly positions: Locator
  readonly rounds: Locator
  readonly lifecycle: Locator
  readonly deadlines: Locator
  readonly delegations: Locator
  readonly events: Locator

  constructor(readonly page: Page) {
    this.privateArea = page.getByTestId('private-area')
    this.positions = page.getByTestId('position')
    this.rounds = page.getByTestId('rounds')
    this.lifecycle = page.getByTestId('negotiation-lifecycle')
    this.deadlines = page.getByTestId('negotiation-deadlines')
    this.delegations = page.getByTestId('delegations')
    this.events = page.getByTestId('events')
  }

  async goto(id: string, lang?: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/negotiations/${id}${lang ? `?lang=${lang}` : ''}`)
    await this.page.getByTestId('negotiation-page').waitFor()
  }

  /** The record's free text on the page: deadlines, rounds, delegations and events. */
  async recordText(): Promise<string> {
    const parts = [this.deadlines, this.rounds, this.delegations, this.events]
    return (await Promise.all(parts.map((l) => l.innerText()))).join('\n')
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
