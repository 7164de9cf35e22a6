import type { Locator, Page } from '@playwright/test'

/** The other party's acts on a negotiation page, and the instance badge (issue 17). */
export class OtherPartyActs {
  readonly section: Locator
  readonly acts: Locator
  readonly instanceBadge: Locator

  constructor(readonly page: Page) {
    this.section = page.getByTestId('other-party-acts')
    this.acts = page.getByTestId('other-party-act')
    this.instanceBadge = page.getByTestId('instance-badge')
  }

  /** The act whose text contains `text`. */
  act(text: string | RegExp): Locator {
    return this.acts.filter({ hasText: text })
  }
}
