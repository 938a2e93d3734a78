import type { Page } from "playwright-core";

/** What every page object starts from: the browser tab, and a way to open a URL that waits until the page has rendered. */
export class AppPage {
  constructor(protected readonly page: Page) {}

  /** Goes to `url` and waits for its heading: a page that answered but has not rendered would fail the next step confusingly. */
  protected async openAt(url: string, heading: { name?: string; level: number }) {
    await this.page.goto(url);
    await this.page.getByRole("heading", heading).waitFor();
  }
}
