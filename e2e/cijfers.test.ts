/**
 * The figures dashboard (issue 6) in a real browser against the built server in demo mode: the beleidsmedewerker
 * opens /cijfers for the demo region and the last complete year (charts with their tables, no structure or
 * contrast problems, also at 320 px), picks a quarter with the filters, drills down from the table per gemeente
 * to the smallest gemeente and sees suppressed cells ("<5" or "x"), goes back with the browser's back button,
 * and downloads the CSV export (header row, no cell that a spreadsheet would run as a formula, the same
 * protection). A Veilig Thuis-medewerker sees the same gemeente with exact numbers.
 *
 * Its server loads two years of demo history (test servers load one, and the last complete year would be empty);
 * the beleidsmedewerker (aggregates only) logs in without a second factor.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilLoaded } from './support/app.js';
import { screenshot, type PageProblems } from './support/browser.js';
import { startOmgeving, type Omgeving } from './support/omgeving.js';
import { contrastProblemen, structuurProblemen } from './support/toegankelijkheid.js';

let omgeving: Omgeving | undefined;

beforeAll(async () => {
  // Two years of demo history (test servers load one), so the last complete year has figures.
  omgeving = await startOmgeving('cijfers', { jaren: 2 });
}, 240_000);

afterAll(async () => {
  await omgeving?.stop();
}, 60_000);

const serverOutput = () => omgeving!.serverOutput();

/** Expected answers: 401 for the session check before login. */
const EXPECTED = [/\/api\/v1\/auth\/sessie → 401/, /status of 401/];
const unexpected = (problems: PageProblems) => problems.all().filter((line) => !EXPECTED.some((p) => p.test(line)));

async function expectAccessible(page: Page, wat: string): Promise<void> {
  expect(await structuurProblemen(page), `${wat}: structure`).toEqual([]);
  expect(await contrastProblemen(page), `${wat}: contrast`).toEqual([]);
}

/** Waits until the figures of the current URL are on screen (the table of all figures). */
async function wachtOpCijfers(page: Page): Promise<void> {
  await waitUntilLoaded(page);
  await page.getByRole('table', { name: /^Alle cijfers: / }).waitFor();
}

/** The texts of all data cells (not headers) on the page. */
const celTeksten = (page: Page) => page.locator('main td').allInnerTexts().then((t) => t.map((x) => x.trim()));

/** The previous complete year in Amsterdam time, as the dashboard's default. */
function vorigJaar(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date())) - 1;
}

/** One CSV line split into its cells (`;`, RFC 4180 quotes). */
function csvCellen(regel: string): string[] {
  const cellen: string[] = [];
  let cel = '';
  let quoted = false;
  for (let i = 0; i < regel.length; i++) {
    const c = regel[i]!;
    if (quoted) {
      if (c === '"' && regel[i + 1] === '"') {
        cel += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cel += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      cellen.push(cel);
      cel = '';
    } else cel += c;
  }
  cellen.push(cel);
  return cellen;
}

describe('figures dashboard', () => {
  it('beleidsmedewerker: region and year, a quarter, drill-down to a small gemeente with suppressed cells, back, CSV export', { timeout: 300_000 }, async () => {
    const { page, problems } = await omgeving!.loggedIn('beleidsmedewerker');
    const jaar = vorigJaar();

    // The menu leads to the figures; the default is the own region and the last complete year.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cijfers', exact: true }).click();
    await page.waitForURL(/\/cijfers/);
    await wachtOpCijfers(page);
    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.textContent()).toMatch(new RegExp(`^Cijfers: Noord-Veluwe .*, ${jaar}$`));
    await page.getByText(/^Bijgewerkt tot \d+ \w+ \d{4} om \d\d:\d\d\./).waitFor();
    // The signs are explained for a protected view.
    await page.getByText('afgeschermd zodat een klein aantal niet terug te rekenen is').waitFor();

    // Charts (SVG with a title) and the same numbers in tables: lines over the periods, bars per gemeente.
    const grafieken = page.locator('main svg[role="img"]');
    expect(await grafieken.count()).toBeGreaterThan(8);
    expect(await grafieken.first().locator('title').textContent()).toBe('Adviezen en meldingen per periode');
    await page.getByRole('table', { name: /^Adviezen en meldingen per periode: / }).waitFor();
    const perGemeente = page.getByRole('table', { name: `Meldingen per gemeente, ${jaar}` });
    await perGemeente.waitFor();
    expect(await perGemeente.locator('tbody tr').count()).toBeGreaterThan(5);
    const meldingen = page.getByRole('table', { name: /^Alle cijfers: / }).getByRole('row', { name: /^Meldingen \d/ });
    expect(Number((await meldingen.locator('td').first().innerText()).replace(/\./g, ''))).toBeGreaterThan(100);
    await expectAccessible(page, `/cijfers (regio, ${jaar})`);
    await screenshot(page, 'cijfers-regio-jaar');

    // A quarter through the filters; the URL keeps the choice.
    await page.getByLabel(/^Soort periode/).selectOption('kwartaal');
    await page.getByLabel(/^Periode/).selectOption(`${jaar}-K3`);
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL((url) => url.searchParams.get('periode') === `${jaar}-K3`);
    await wachtOpCijfers(page);
    expect(await h1.textContent()).toMatch(/3e kwartaal/);

    // Drill down from the table per gemeente to the gemeente with the fewest meldingen.
    const rijen = page.getByRole('table', { name: `Meldingen per gemeente, 3e kwartaal ${jaar}` }).locator('tbody tr');
    let kleinste = { naam: '', waarde: Number.POSITIVE_INFINITY };
    for (const rij of await rijen.all()) {
      const tekst = (await rij.locator('td').innerText()).trim();
      const waarde = tekst === '<5' ? 1 : tekst === 'x' ? 5 : Number(tekst.replace(/\./g, ''));
      const naam = (await rij.locator('th a').innerText()).split(':')[0]!.trim();
      if (waarde < kleinste.waarde) kleinste = { naam, waarde };
    }
    expect(kleinste.naam, 'a gemeente to drill down to').not.toBe('');
    await page.getByRole('table', { name: `Meldingen per gemeente, 3e kwartaal ${jaar}` }).getByRole('link', { name: new RegExp(`^${kleinste.naam}`) }).click();
    await page.waitForURL((url) => /^GM\d{4}$/.test(url.searchParams.get('gemeente') ?? ''));
    await wachtOpCijfers(page);
    expect(await h1.textContent()).toBe(`Cijfers: ${kleinste.naam}, 3e kwartaal ${jaar}`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const gemeenteUrl = page.url();
    // Small counts are suppressed: some cell shows "<5" (or "x").
    const cellen = await celTeksten(page);
    expect(cellen.some((c) => c === '<5' || c === 'x'), `suppressed cells in ${kleinste.naam}`).toBe(true);
    await expectAccessible(page, `/cijfers (gemeente ${kleinste.naam}, kwartaal)`);
    await screenshot(page, 'cijfers-gemeente-kwartaal');

    // The browser's back button returns to the region.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('gemeente') === null && url.searchParams.get('periode') === `${jaar}-K3`);
    await wachtOpCijfers(page);
    expect(await h1.textContent()).toMatch(/^Cijfers: Noord-Veluwe /);

    // The CSV export with the current filters: a header row, the same protection, nothing a spreadsheet would run.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV-bestand' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const regels = csv.split(/\r\n/).filter((r) => r.length > 0);
    const kop = csvCellen(regels[0]!);
    expect(kop.slice(0, 4)).toEqual(['Gebied', 'Code', 'Soort gebied', 'Periode']);
    expect(kop).toContain('Meldingen');
    expect(regels.length, 'the region and its gemeenten').toBeGreaterThan(5);
    const alleCellen = regels.flatMap(csvCellen);
    expect(alleCellen.filter((c) => c.startsWith('=')), 'cells starting with "="').toEqual([]);
    expect(alleCellen.some((c) => c === '<5' || c === 'x'), 'suppressed cells in the export').toBe(true);
    expect(regels.slice(1).every((r) => csvCellen(r)[3] === `${jaar}-K3`)).toBe(true);

    // At 320 px wide nothing sticks out of the page: wide tables scroll inside their own region.
    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'cijfers-320');

    expect(unexpected(problems), serverOutput()).toEqual([]);

    // A Veilig Thuis-medewerker sees the same gemeente and quarter with exact numbers.
    const vt = await omgeving!.loggedIn('vt-medewerker');
    await vt.page.goto(gemeenteUrl);
    await wachtOpCijfers(vt.page);
    expect(await vt.page.getByRole('heading', { level: 1 }).textContent()).toBe(`Cijfers: ${kleinste.naam}, 3e kwartaal ${jaar}`);
    const exact = await celTeksten(vt.page);
    expect(exact.filter((c) => c === '<5' || c === 'x'), 'no suppressed cells for Veilig Thuis').toEqual([]);
    expect(exact.some((c) => /^[1-4]$/.test(c)), 'small counts shown exactly').toBe(true);
    await expect.poll(() => vt.page.getByText('minder dan 5').count()).toBe(0);
    await expectAccessible(vt.page, '/cijfers (vt-medewerker)');
    await screenshot(vt.page, 'cijfers-vt-medewerker');
    expect(unexpected(vt.problems), serverOutput()).toEqual([]);
  });

  it('the functioneel beheerder turns rounding on: the beleidsmedewerker sees multiples of 5, Veilig Thuis still exact numbers', { timeout: 180_000 }, async () => {
    const fb = await omgeving!.loggedIn('functioneel-beheerder');
    await fb.page.goto(`${omgeving!.server.baseUrl}/beheer/cijfers`);
    await waitUntilLoaded(fb.page);
    await fb.page.getByRole('radio', { name: /^Ja: alle zichtbare aantallen afgerond/ }).check();
    await fb.page.getByRole('button', { name: 'Instelling opslaan' }).click();
    await fb.page.getByText('De instelling van de cijfers is opgeslagen.').waitFor();
    expect(await structuurProblemen(fb.page), '/beheer/cijfers: structure').toEqual([]);
    expect(unexpected(fb.problems), serverOutput()).toEqual([]);

    const jaar = vorigJaar();
    const aantallen = async (rol: string) => {
      const { page } = await omgeving!.loggedIn(rol);
      const r = await page.request.get(`${omgeving!.server.baseUrl}/api/v1/cijfers?periode=${jaar}`);
      expect(r.status()).toBe(200);
      const body = (await r.json()) as { afronden: boolean; definities: { code: string; eenheid: string }[]; totaal: Record<string, { status: string; waarde?: number }> };
      const codes = body.definities.filter((d) => d.eenheid === 'aantal').map((d) => d.code);
      return { afronden: body.afronden, waarden: codes.map((c) => body.totaal[c]).filter((c) => c?.status === 'zichtbaar').map((c) => c!.waarde!) };
    };
    const bel = await aantallen('beleidsmedewerker');
    expect(bel.afronden).toBe(true);
    expect(bel.waarden.length).toBeGreaterThan(0);
    expect(bel.waarden.filter((w) => w % 5 !== 0)).toEqual([]);
    const vt = await aantallen('vt-medewerker');
    expect(vt.afronden).toBe(false);
    expect(vt.waarden.some((w) => w % 5 !== 0), 'exact counts for Veilig Thuis').toBe(true);
  });
});
