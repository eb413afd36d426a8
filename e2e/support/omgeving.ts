/**
 * A demo server with its own data directory, a browser, and logged-in pages per demo role: what a browser
 * test of a whole flow needs. Against an external server (E2E_BASE_URL) the demo accounts come from
 * E2E_DEMO_ACCOUNTS (that server's demo-accounts.txt).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, watchPage, type PageProblems } from './browser.js';
import { loginAs, readDemoAccounts, type DemoAccount } from './demo.js';
import { startServer, type TestServer } from './server.js';

export interface Omgeving {
  server: TestServer;
  /** A fresh browser context (Dutch, Amsterdam time) with one page, watched for problems. */
  newPage(width?: number): Promise<{ page: Page; problems: PageProblems }>;
  /** A new page logged in as the demo account of a role. */
  loggedIn(rol: string): Promise<{ page: Page; problems: PageProblems }>;
  /** The tail of the server's output, to append to a failure message. */
  serverOutput(): string;
  stop(): Promise<void>;
}

/** `jaren`: years of demo history (test servers load one unless told otherwise). */
export async function startOmgeving(naam: string, opties: { jaren?: number } = {}): Promise<Omgeving> {
  const external = !!process.env.E2E_BASE_URL;
  let dataDir: string | undefined;
  let server: TestServer;
  let accounts: Record<string, DemoAccount>;
  if (external) {
    accounts = await readDemoAccounts(process.env.E2E_DEMO_ACCOUNTS!, 1_000);
    server = await startServer();
  } else {
    dataDir = await mkdtemp(join(tmpdir(), `samenveilig-e2e-${naam}-`));
    const jaren: Record<string, string> = opties.jaren ? { SAMENVEILIG_DEMO_YEARS: String(opties.jaren) } : {};
    server = await startServer({ env: { SAMENVEILIG_DATA_DIR: dataDir, ...jaren }, ...(opties.jaren ? { readyTimeoutMs: 170_000 } : {}) });
    accounts = await readDemoAccounts(join(dataDir, 'demo-accounts.txt'));
  }
  const browser: Browser = await launchBrowser();
  const contexts: BrowserContext[] = [];

  const newPage = async (width = 1280) => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return { page, problems: watchPage(page) };
  };

  return {
    server,
    newPage,
    async loggedIn(rol) {
      const account = accounts[rol];
      if (!account) throw new Error(`No demo account for role ${rol} (found: ${Object.keys(accounts).join(', ')})`);
      const p = await newPage();
      await loginAs(p.page, server.baseUrl, account);
      return p;
    },
    serverOutput: () => `\n--- server output ---\n${server.output().slice(-5_000)}`,
    async stop() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
