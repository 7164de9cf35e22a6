import type { Locator, Page } from '@playwright/test'

/** Labels in both languages: the page objects work on the Korean and the English page alike. */
const L = {
  id: /^(Identifier|식별자)/,
  titleKo: /^(Title \(Korean\)|제목\(한국어\))$/,
  titleEn: /^(Title \(English\)|제목\(영어\))$/,
  date: /^(Date|날짜)$/,
  due: /^(What falls due|기한 내용)$/,
  source: /^(Source \(URL\)|출처\(URL\))/,
  venue: /^(Venue|장소)$/,
  summary: /^(Summary|요지)$/,
  attendees: /^(Attendees|참석자)$/,
  chief: /^(Chief negotiator|수석대표)$/,
  chiefAgency: /^(Chief's agency|수석대표 소속 기관)$/,
  members: /^(Members|대표단원)/,
  draftTitle: /^(Draft title|초안 제목)$/,
  firstYear: /^(First year|첫해)$/,
  lastYear: /^(Last year|마지막 해)$/,
  increase: /^(First-year increase|첫해 인상률)/,
  reason: /^(Reason for rejecting|거부 사유)/,
  note: /^(Note|비고)$/,
}

/** The negotiation list with its "new negotiation" form. */
export class NegotiationsListPage {
  constructor(readonly page: Page) {}

  async goto(lang: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/negotiations?lang=${lang}`)
    await this.page.getByTestId('negotiations-table').waitFor()
  }

  async create(n: {
    id: string
    ko: string
    en: string
    deadline: { date: string; label: string; source: string }
  }): Promise<void> {
    const form = this.page.getByTestId('new-negotiation')
    await form.locator('summary').click()
    await form.getByLabel(L.id).fill(n.id)
    await form.getByLabel(L.titleKo).fill(n.ko)
    await form.getByLabel(L.titleEn).fill(n.en)
    await form.getByLabel(L.date).fill(n.deadline.date)
    await form.getByLabel(L.due).fill(n.deadline.label)
    await form.getByLabel(L.source).fill(n.deadline.source)
    await form.getByRole('button', { name: /^(Create negotiation|협상 등록)$/ }).click()
    await this.page.getByTestId('negotiation-page').waitFor()
  }
}

/** The working part of a negotiation page (Workspace, ProposalBoard, DraftEditor, forms). */
export class WorkflowPage {
  readonly board: Locator
  readonly timeline: Locator
  readonly changes: Locator

  constructor(readonly page: Page) {
    this.board = page.getByTestId('proposal-board')
    this.timeline = page.getByTestId('timeline')
    this.changes = page.getByTestId('changes')
  }

  async goto(id: string, lang: 'en' | 'ko'): Promise<void> {
    await this.page.goto(`/negotiations/${id}?lang=${lang}`)
    await this.page.getByTestId('negotiation-page').waitFor()
  }

  proposal(title: string): Locator {
    return this.page.locator(`[data-testid="proposal"][data-title="${title}"]`)
  }

  async recordRound(r: { venue: string; summary: string; attendees: string }): Promise<void> {
    const form = this.page.getByTestId('round-form')
    await form.locator('summary').click()
    await form.getByLabel(L.venue).fill(r.venue)
    await form.getByLabel(L.summary).fill(r.summary)
    await form.getByLabel(L.attendees).fill(r.attendees)
    await form.getByRole('button').click()
    await this.page.getByTestId('rounds').getByText(r.venue).first().waitFor()
  }

  async recordDelegation(d: { chief: string; agency: string; members: string }): Promise<void> {
    const form = this.page.getByTestId('delegation-form')
    await form.locator('summary').click()
    await form.getByLabel(L.chief).fill(d.chief)
    await form.getByLabel(L.chiefAgency).fill(d.agency)
    await form.getByLabel(L.members).fill(d.members)
    await form.getByRole('button').click()
    await this.page.getByText(d.chief).first().waitFor()
  }

  async saveDraft(d: { title: string; from: number; to: number; increase: string }) {
    const form = this.page.locator('form.draft-editor')
    await form.getByLabel(L.draftTitle).fill(d.title)
    await form.getByLabel(L.firstYear).fill(String(d.from))
    await form.getByLabel(L.lastYear).fill(String(d.to))
    await form.getByLabel(L.increase).fill(d.increase)
    await form.getByTestId('draft-preview').waitFor()
    await form.getByRole('button', { name: /^(Save private draft|비공개 초안 저장)$/ }).click()
    await this.proposal(d.title).waitFor()
  }

  /** Opens the tabling dialog, returns its text, then confirms. */
  async table(title: string): Promise<string> {
    const card = this.proposal(title)
    await card.getByRole('button', { name: /^(Table…|제시…)$/ }).click()
    const dialog = card.getByTestId('table-dialog')
    await dialog.waitFor()
    const text = await dialog.innerText()
    await dialog.getByRole('button', { name: /^(Table it|제시)$/ }).click()
    await this.waitState(title, 'tabled')
    return text
  }

  async reject(title: string, reason: string): Promise<void> {
    const card = this.proposal(title)
    await card.getByRole('button', { name: /^(Reject…|거부…)$/ }).click()
    await card.getByLabel(L.reason).fill(reason)
    await card.getByRole('button', { name: /^(Reject with this reason|이 사유로 거부)$/ }).click()
    await this.waitState(title, 'rejected')
  }

  async revise(title: string): Promise<void> {
    await this.proposal(title)
      .getByRole('button', { name: /^(Start a revision|수정안 작성)$/ })
      .click()
  }

  async accept(title: string): Promise<void> {
    await this.proposal(title)
      .getByRole('button', {
        name: /^(Accept|수락|Confirm agreement on this text|이 문안에 대한 합의 확인)$/,
      })
      .click()
  }

  async waitState(title: string, state: string): Promise<void> {
    await this.page
      .locator(`[data-testid="proposal"][data-title="${title}"][data-state="${state}"]`)
      .waitFor()
  }

  /** The event kinds the event form offers. */
  async eventKinds(): Promise<string[]> {
    const form = this.page.getByTestId('event-form')
    if ((await form.getAttribute('open')) === null) await form.locator('summary').click()
    const options = await form.getByTestId('event-kind').locator('option').all()
    return Promise.all(options.map(async (o) => (await o.getAttribute('value')) ?? ''))
  }

  async recordEvent(kind: string, note: string): Promise<void> {
    await this.eventKinds()
    const form = this.page.getByTestId('event-form')
    await form.getByTestId('event-kind').selectOption(kind)
    await form.getByLabel(L.note).fill(note)
    await form.getByRole('button').click()
    await this.page.getByTestId('events').getByText(note).waitFor()
  }

  async confirmEvent(note: string): Promise<void> {
    const item = this.page.getByTestId('events').locator('li', { hasText: note }).first()
    await item.getByRole('button', { name: /^(Confirm|확인)/ }).click()
  }
}
