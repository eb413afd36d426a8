/**
 * The demo accounts of a test server and logging in with them in a browser: e-mail, password and the
 * TOTP code computed here (RFC 6238), as a person with an authenticator app would.
 */
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export interface DemoAccount {
  email: string;
  wachtwoord: string;
  totpSecret: string;
}

/** Reads <data dir>/demo-accounts.txt (waiting until the server wrote it); by role, e.g. accounts['vt-medewerker']. */
export async function readDemoAccounts(path: string, timeoutMs = 30_000): Promise<Record<string, DemoAccount>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const accounts: Record<string, DemoAccount> = {};
    try {
      for (const line of (await readFile(path, 'utf8')).split('\n')) {
        const match = /(\S+@\S+)\s+wachtwoord:\s*(\S+)\s+TOTP-geheim:\s*(\S+)/.exec(line);
        if (match) accounts[match[1]!.split('@')[0]!] = { email: match[1]!, wachtwoord: match[2]!, totpSecret: match[3]! };
      }
    } catch {
      // Not written yet.
    }
    if (Object.keys(accounts).length > 0) return accounts;
    if (Date.now() > deadline) throw new Error(`No demo accounts in ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s). */
export function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error('invalid base32 in TOTP secret');
    bits += value.toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * Logs in on /inloggen with the password and, when the server asks for it, the TOTP code (aggregate-only
 * roles such as the beleidsmedewerker have no second factor). A code can be used once: when the server refuses
 * it (another login of this account used it in the same 30 s), waits for the next one.
 */
export async function loginAs(page: Page, baseUrl: string, account: DemoAccount): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(account.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(account.wachtwoord);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  const code = page.getByRole('textbox', { name: /Code van 6 cijfers/ });
  const weg = () => page.waitForURL((url) => !url.pathname.startsWith('/inloggen'), { timeout: 30_000 });
  const stap = await Promise.race([code.waitFor({ timeout: 30_000 }).then(() => 'code' as const), weg().then(() => 'ingelogd' as const)]);
  if (stap === 'ingelogd') return;
  for (let poging = 0; poging < 2; poging++) {
    await code.fill(totp(account.totpSecret));
    await page.getByRole('button', { name: 'Code controleren' }).click();
    const uitkomst = await Promise.race([
      weg().then(() => 'ingelogd' as const),
      page.locator('#inloggen-code-fout').waitFor({ timeout: 15_000 }).then(() => 'fout' as const),
    ]);
    if (uitkomst === 'ingelogd') return;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 500));
  }
  throw new Error(`Login as ${account.email} failed`);
}
