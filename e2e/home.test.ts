/**
 * Walks through the web app in a real browser against the real built server in demo mode:
 * home → region → reference data → API reference (and the redirect from the old /api/docs).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilLoaded } from './support/app.js';
import { launchBrowser, screenshot, watchPage } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
}, 60_000);

function serverOutput(): string {
  return `\n--- server output ---\n${server?.output().slice(-5_000) ?? ''}`;
}

async function newPage(): Promise<Page> {
  const page = await context!.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

describe('web app', () => {
  it('shows home, a region and the reference data without errors', { timeout: 120_000 }, async () => {
    const baseUrl = server!.baseUrl;
    const page = await newPage();
    const problems = watchPage(page);

    // Home
    const home = await page.goto(`${baseUrl}/`);
    expect(home?.status(), serverOutput()).toBe(200);
    await waitUntilLoaded(page);
    expect(await page.locator('h1').count()).toBe(1);
    expect((await page.locator('h1').textContent())?.trim()).toBe('Samen Veilig');
    await page.getByText('synthetische gegevens').waitFor({ state: 'visible' });
    expect(await page.title()).toContain('Samen Veilig');

    const regioLink = page.getByRole('link', { name: /Noord-Veluwe/ }).first();
    await regioLink.waitFor({ state: 'visible' });
    const regioHref = await regioLink.getAttribute('href');
    expect(regioHref).toMatch(/^\/regio\/[^/]+$/);
    await screenshot(page, 'home');

    // Region page, reached by clicking (client-side navigation)
    await regioLink.click();
    await page.waitForURL(`${baseUrl}${regioHref}`);
    await waitUntilLoaded(page);
    expect(await page.locator('h1').textContent()).toMatch(/Noord-Veluwe/);
    await page.getByText('synthetische gegevens').waitFor({ state: 'visible' });
    const apeldoorn = page.getByRole('row', { name: /Apeldoorn/ }).first();
    await apeldoorn.waitFor({ state: 'visible' });
    expect(await apeldoorn.textContent()).toContain('GM0200');
    await screenshot(page, 'regio');

    // The same region page loads directly too (deep link / reload)
    const reload = await page.reload();
    expect(reload?.status(), 'a deep link to a region page must be served by the server').toBe(200);
    await waitUntilLoaded(page);
    expect(await page.locator('h1').textContent()).toMatch(/Noord-Veluwe/);
    await page.getByRole('row', { name: /Apeldoorn/ }).first().waitFor({ state: 'visible' });

    // Reference data, through the main navigation
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Referentiegegevens' }).click();
    await page.waitForURL(`${baseUrl}/referentie`);
    await waitUntilLoaded(page);
    await page.getByRole('heading', { name: 'Kindermishandeling', exact: true }).waitFor({ state: 'visible' });
    await page.getByText('synthetische gegevens').waitFor({ state: 'visible' });
    await screenshot(page, 'referentie');

    // Footer
    const footer = page.locator('footer');
    expect(await footer.textContent()).toContain('0800-2000');
    expect(await footer.textContent()).toContain('112');

    expect(problems.all(), `problems in the web app${serverOutput()}`).toEqual([]);
    await page.close();
  });

  it('links to the API documentation, which loads without errors', { timeout: 90_000 }, async () => {
    const baseUrl = server!.baseUrl;
    const page = await newPage();
    await page.goto(`${baseUrl}/`);
    await waitUntilLoaded(page);

    const problems = watchPage(page);
    // Chromium reports a Content-Security-Policy violation as a console error; make sure every one of them is.
    const reportCspViolations = () =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} (${event.blockedURI || 'inline'})`),
      );
    await page.addInitScript(reportCspViolations);
    await page.evaluate(reportCspViolations);

    // The footer link is an in-app link to the API reference page, which renders /api/openapi.json.
    await page.locator('footer').getByRole('link', { name: 'API-documentatie' }).click();
    await page.waitForURL(`${baseUrl}/api-referentie`);
    await waitUntilLoaded(page);
    expect(await page.locator('h1').count()).toBe(1);
    expect((await page.locator('h1').textContent())?.trim()).toBe('API-referentie');
    expect(await page.title()).toContain('API-referentie');
    const operation = page.getByRole('heading', { name: 'GET /api/v1/regios', exact: true });
    await operation.waitFor({ state: 'visible' });
    expect(await operation.evaluate((el) => el.tagName)).toBe('H3');
    // Title and version from the document's info
    await page.locator('main dd').getByText('Samen Veilig API', { exact: true }).waitFor({ state: 'visible' });
    const versie = page.locator('main dl > div').filter({ has: page.locator('dt').getByText('Versie', { exact: true }) });
    expect(await versie.locator('dd').textContent()).toMatch(/^\d+\.\d+\.\d+/);
    const schemas = page.locator('main pre code');
    expect(await schemas.count()).toBeGreaterThan(0);
    expect(await schemas.first().textContent()).toContain('"type"');
    const download = page.getByRole('link', { name: /OpenAPI-document/ });
    expect(await download.getAttribute('href')).toBe('/api/openapi.json');

    // Headings go down one level at a time.
    const levels = await page.locator('main :is(h1, h2, h3, h4, h5, h6)').evaluateAll((els) => els.map((el) => Number(el.tagName[1])));
    const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1);
    expect(skips, `heading levels in order: ${levels.join(' ')}`).toEqual([]);
    await screenshot(page, 'api-referentie');

    // The page loads directly too (deep link / reload).
    const reload = await page.reload();
    expect(reload?.status(), 'a deep link to /api-referentie must be served by the server').toBe(200);
    await waitUntilLoaded(page);
    await page.getByRole('heading', { name: 'GET /api/v1/regios', exact: true }).waitFor({ state: 'visible' });

    expect(problems.all(), `problems on the API reference page${serverOutput()}`).toEqual([]);
    await page.close();
  });

  it('redirects the old API documentation address to the API reference page', { timeout: 30_000 }, async () => {
    const baseUrl = server!.baseUrl;
    const response = await fetch(`${baseUrl}/api/docs`, { redirect: 'manual' });
    await response.arrayBuffer();
    expect(response.status, serverOutput()).toBe(302);
    expect(response.headers.get('location')).toBe('/api-referentie');

    const openapi = await fetch(`${baseUrl}/api/openapi.json`);
    expect(openapi.status).toBe(200);
    const document = (await openapi.json()) as { openapi?: string; paths?: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths ?? {})).toContain('/api/v1/regios');
  });
});
