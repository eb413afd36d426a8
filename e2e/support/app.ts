/** Helpers that know the Samen Veilig web app. */
import type { Page } from 'playwright-core';

/** Waits until the page has its h1 and no "Even geduld" loading message anymore. */
export async function waitUntilLoaded(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.body.innerText.includes('Even geduld'));
}

/** Opens a path of the app and waits until it has loaded; throws when the document does not answer 200. */
export async function openPage(page: Page, baseUrl: string, path: string): Promise<void> {
  const response = await page.goto(baseUrl + path);
  if (!response || response.status() !== 200) {
    throw new Error(`GET ${path} answered ${response?.status() ?? 'nothing'}, expected 200`);
  }
  await waitUntilLoaded(page);
}
