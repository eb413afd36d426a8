/**
 * Login and need-to-know in a real browser against the real built server in demo mode:
 * password + TOTP, the dossier list and a dossier, a dossier outside the user's scope ("niet gevonden"),
 * the Beheer page, and a wrong TOTP code.
 *
 * The demo accounts (e-mail, password, TOTP secret) come from <data dir>/demo-accounts.txt, so this file
 * chooses the data directory itself. Against an external server (E2E_BASE_URL) set E2E_DEMO_ACCOUNTS to
 * the path of that server's demo-accounts.txt; without it these tests are skipped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilLoaded } from './support/app.js';
import { launchBrowser, screenshot, watchPage, type PageProblems } from './support/browser.js';
import { readDemoAccounts, totp, type DemoAccount } from './support/demo.js';
import { startServer, type TestServer } from './support/server.js';

const external = !!process.env.E2E_BASE_URL;
const skip = external && !process.env.E2E_DEMO_ACCOUNTS;

let server: TestServer | undefined;
let browser: Browser | undefined;
let dataDir: string | undefined;
/** By role, e.g. accounts['vt-medewerker']. */
let accounts: Record<string, DemoAccount> = {};
const contexts: BrowserContext[] = [];

async function readAccounts(path: string, timeoutMs: number): Promise<void> {
  accounts = await readDemoAccounts(path, timeoutMs);
}

beforeAll(async () => {
  if (skip) return;
  if (external) {
    await readAccounts(process.env.E2E_DEMO_ACCOUNTS!, 1_000);
    server = await startServer();
  } else {
    dataDir = await mkdtemp(join(tmpdir(), 'samenveilig-e2e-security-'));
    server = await startServer({ env: { SAMENVEILIG_DATA_DIR: dataDir } });
    await readAccounts(join(dataDir, 'demo-accounts.txt'), 30_000);
  }
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
}, 60_000);

function serverOutput(): string {
  return `\n--- server output ---\n${server?.output().slice(-5_000) ?? ''}`;
}

function account(rol: string): DemoAccount {
  const found = accounts[rol];
  if (!found) throw new Error(`No demo account for role ${rol} (found: ${Object.keys(accounts).join(', ')})`);
  return found;
}

/** A fresh browser context per test: no shared cookies or storage. */
async function newPage(): Promise<Page> {
  const context = await browser!.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** Problems other than the answers these flows expect (401 before login, 404 for an out-of-scope dossier). */
function unexpected(problems: PageProblems, allowed: RegExp[]): string[] {
  return problems.all().filter((line) => !allowed.some((pattern) => pattern.test(line)));
}
const EXPECTED_401 = [/\/api\/v1\/auth\/sessie → 401/, /status of 401 .*\/api\/v1\/auth\/sessie/];

/** On the login page: step 1 (e-mail, password), then step 2 (code). */
async function passwordStep(page: Page, rol: string): Promise<void> {
  const a = account(rol);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(a.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(a.wachtwoord);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await page.getByRole('textbox', { name: /Code van 6 cijfers/ }).waitFor();
}

async function codeStep(page: Page, rol: string): Promise<void> {
  await page.getByRole('textbox', { name: /Code van 6 cijfers/ }).fill(totp(account(rol).totpSecret));
  await page.getByRole('button', { name: 'Code controleren' }).click();
}

async function login(page: Page, rol: string): Promise<void> {
  await passwordStep(page, rol);
  await codeStep(page, rol);
}

/** The id of a dossier only Veilig Thuis is involved in, found with the logged-in VT session. */
async function findVtOnlyDossier(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const list = (await (await fetch('/api/v1/huishoudens?pagina=1')).json()) as { items: { id: string }[] };
    for (const item of list.items) {
      const dossier = (await (await fetch(`/api/v1/huishoudens/${encodeURIComponent(item.id)}`)).json()) as {
        betrokkenOrganisaties: { type: string }[];
      };
      if (dossier.betrokkenOrganisaties.length > 0 && dossier.betrokkenOrganisaties.every((o) => o.type === 'veilig-thuis')) return item.id;
    }
    return null;
  });
}

let vtOnlyDossier: string | null = null;

describe.skipIf(skip)('login and access to dossiers', () => {
  it('vt-medewerker logs in with password and TOTP, sees the dossier list and opens a dossier', async () => {
    const baseUrl = server!.baseUrl;
    const page = await newPage();
    const problems = watchPage(page);
    const sessieRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/auth/sessie')) sessieRequests.push(request.url());
    });

    // A public page does not ask for a session when nobody has logged in in this browser.
    await page.goto(`${baseUrl}/`);
    await waitUntilLoaded(page);
    await page.getByText('synthetische gegevens').first().waitFor();
    expect(sessieRequests, 'the home page must not ask for a session before any login').toEqual([]);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Dossiers' }).count()).toBe(0);

    // A page that needs a login sends the user to the login page, and back afterwards.
    await page.goto(`${baseUrl}/dossiers`);
    await page.waitForURL(`${baseUrl}/inloggen?terug=%2Fdossiers`);
    await passwordStep(page, 'vt-medewerker');
    const code = page.getByRole('textbox', { name: /Code van 6 cijfers/ });
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await codeStep(page, 'vt-medewerker');
    await page.waitForURL(`${baseUrl}/dossiers`);
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();

    // Who is logged in, and a menu that fits the role.
    await page.getByText('Veilig Thuis-medewerker').first().waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Dossiers' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Privacy' }).count()).toBe(0);

    const table = page.getByRole('table', { name: /Dossiers waarbij u betrokken bent/ });
    await table.waitFor();
    const links = table.locator('tbody a');
    expect(await links.count(), serverOutput()).toBeGreaterThan(0);
    expect(await page.locator('h1').count()).toBe(1);
    await page.getByRole('textbox', { name: 'Dossiernummer' }).waitFor();
    await screenshot(page, 'security-dossiers');

    // Open the first dossier from the list.
    const href = await links.first().getAttribute('href');
    expect(href).toMatch(/^\/dossiers\/[^/]+$/);
    await links.first().click();
    await page.waitForURL(`${baseUrl}${href}`);
    await page.getByRole('heading', { level: 2, name: 'Gezinsleden' }).waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/^Dossier/);
    expect(await page.locator('h1').count()).toBe(1);
    await page.getByRole('table', { name: 'Personen in dit huishouden' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Adviezen en meldingen' }).waitFor();
    // The tab title never holds names (it ends up in the browser history).
    expect(await page.title()).toBe('Dossier – Samen Veilig');
    await screenshot(page, 'security-dossier');

    vtOnlyDossier = await findVtOnlyDossier(page);
    expect(unexpected(problems, EXPECTED_401), `problems${serverOutput()}`).toEqual([]);
  });

  it('lokaal-team opening a dossier of Veilig Thuis only sees "niet gevonden"', async () => {
    expect(vtOnlyDossier, 'the previous test finds a dossier only Veilig Thuis is involved in').not.toBeNull();
    const baseUrl = server!.baseUrl;
    const page = await newPage();
    const problems = watchPage(page);
    const path = `/dossiers/${encodeURIComponent(vtOnlyDossier!)}`;

    await page.goto(`${baseUrl}${path}`);
    await page.waitForURL(`${baseUrl}/inloggen?terug=${encodeURIComponent(path)}`);
    await login(page, 'lokaal-team');
    await page.waitForURL(`${baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Dossier niet gevonden' }).waitFor();
    await page.getByText('of u heeft geen toegang tot dit dossier').waitFor();
    // Nothing of the dossier, and no emergency access for this role.
    expect(await page.getByRole('heading', { name: 'Gezinsleden' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Noodtoegang aanvragen' }).count()).toBe(0);
    await screenshot(page, 'security-niet-gevonden');

    expect(unexpected(problems, [...EXPECTED_401, /\/api\/v1\/huishoudens\/[^ ]+ → 404/, /status of 404 .*\/api\/v1\/huishoudens\//]), `problems${serverOutput()}`).toEqual([]);
  });

  it('functioneel-beheerder sees the users on the Beheer page', async () => {
    const baseUrl = server!.baseUrl;
    const page = await newPage();
    const problems = watchPage(page);

    await page.goto(`${baseUrl}/inloggen`);
    await login(page, 'functioneel-beheerder');
    await page.waitForURL(`${baseUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Beheer' }).click();
    await page.waitForURL(`${baseUrl}/beheer/gebruikers`);
    await page.getByRole('heading', { level: 1, name: 'Gebruikers beheren' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Dossiers' }).count()).toBe(0);

    const table = page.getByRole('table', { name: /Gebruikers in uw regio/ });
    await table.waitFor();
    for (const rol of ['vt-medewerker', 'lokaal-team', 'privacy-officer']) {
      await table.getByText(account(rol).email, { exact: true }).waitFor();
    }
    expect(await table.getByRole('button', { name: /^Wijzigen/ }).count()).toBeGreaterThanOrEqual(Object.keys(accounts).length);
    await page.getByRole('heading', { level: 2, name: 'Gebruiker toevoegen' }).waitFor();
    await screenshot(page, 'security-beheer');

    expect(unexpected(problems, EXPECTED_401), `problems${serverOutput()}`).toEqual([]);
  });

  it('a wrong TOTP code shows an error and does not log in', async () => {
    const baseUrl = server!.baseUrl;
    const page = await newPage();
    const a = account('politie');

    await page.goto(`${baseUrl}/inloggen`);
    await passwordStep(page, 'politie');
    // A code that is not valid now, nor in the 30 seconds before or after.
    const valid = new Set([-30_000, 0, 30_000].map((d) => totp(a.totpSecret, Date.now() + d)));
    let wrong = 123456;
    while (valid.has(String(wrong).padStart(6, '0'))) wrong = (wrong + 1) % 1_000_000;

    const code = page.getByRole('textbox', { name: /Code van 6 cijfers/ });
    await code.fill(String(wrong).padStart(6, '0'));
    await page.getByRole('button', { name: 'Code controleren' }).click();
    const error = page.locator('#inloggen-code-fout');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/code klopt niet/i);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await code.getAttribute('aria-describedby')).toContain('inloggen-code-fout');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inloggen-code');
    await screenshot(page, 'security-foute-code');

    // Still not logged in: a page that needs a login goes back to the login page.
    expect(page.url()).toBe(`${baseUrl}/inloggen`);
    const sessie = await page.evaluate(async () => {
      const response = await fetch('/api/v1/auth/sessie');
      return response.status === 200 ? ((await response.json()) as { tweedeFactorOk: boolean }).tweedeFactorOk : response.status;
    });
    expect(sessie === false || sessie === 401, `session after a wrong code: ${String(sessie)}`).toBe(true);
    await page.goto(`${baseUrl}/dossiers`);
    await page.waitForURL(`${baseUrl}/inloggen?terug=%2Fdossiers`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  });
});
