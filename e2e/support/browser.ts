/**
 * Browser helpers: Playwright (playwright-core) driving Debian's /usr/bin/chromium.
 * No browser is ever downloaded; install it with `apt-get install -y chromium`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Collects everything that went wrong on a page: console errors, uncaught exceptions, failed requests, HTTP errors. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  httpErrors: string[];
  /** All problems, one line each; empty when everything went well. */
  all(): string[];
  clear(): void;
}

/** Chromium asks for /favicon.ico by itself on pages without an icon link; a 404 there is no fault of the page. */
const isFaviconProbe = (url: string) => new URL(url).pathname === '/favicon.ico';

export function watchPage(page: Page): PageProblems {
  const problems = {
    consoleErrors: [] as string[],
    pageErrors: [] as string[],
    failedRequests: [] as string[],
    httpErrors: [] as string[],
    all() {
      return [
        ...this.consoleErrors.map((m) => `console error: ${m}`),
        ...this.pageErrors.map((m) => `uncaught error: ${m}`),
        ...this.failedRequests.map((m) => `request failed: ${m}`),
        ...this.httpErrors.map((m) => `HTTP error: ${m}`),
      ];
    },
    clear() {
      this.consoleErrors.length = 0;
      this.pageErrors.length = 0;
      this.failedRequests.length = 0;
      this.httpErrors.length = 0;
    },
  };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const location = message.location();
      if (location.url && isFaviconProbe(location.url)) return;
      problems.consoleErrors.push(`${message.text()}${location.url ? ` (${location.url})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // A GET still running when the page moves on (a badge count, reference data) is cancelled by the browser:
    // no fault of the page. A write that is cancelled is reported.
    if (request.method() === 'GET' && reason === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !isFaviconProbe(response.url())) problems.httpErrors.push(`${response.request().method()} ${response.url()} → ${response.status()}`);
  });
  return problems;
}

const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Saves a full-page screenshot to e2e/screenshots/<name>.png, only when E2E_SCREENSHOTS is set. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
