/**
 * The front door of Veilig Thuis in a real browser against the real built server in demo mode:
 * a phone intake entered by keyboard → live radar → melding page (confirm the known person and household)
 * → veiligheidsbeoordeling → proposed handover → confirmed by a gedragswetenschapper (four eyes) →
 * accepted by the lokaal team; and the public page for citizens.
 *
 * Chooses its own data directory to read the demo accounts (like security-login.test.ts). Against an
 * external server (E2E_BASE_URL) set E2E_DEMO_ACCOUNTS to that server's demo-accounts.txt, or it is skipped.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilLoaded } from './support/app.js';
import { screenshot, type PageProblems } from './support/browser.js';
import { startOmgeving, type Omgeving } from './support/omgeving.js';
import { structuurProblemen } from './support/toegankelijkheid.js';
import { beoordeelEnStelOverdrachtVoor, typ } from './support/voordeur.js';

const skip = !!process.env.E2E_BASE_URL && !process.env.E2E_DEMO_ACCOUNTS;
let omgeving: Omgeving | undefined;

beforeAll(async () => {
  if (!skip) omgeving = await startOmgeving('voordeur');
}, 180_000);

afterAll(async () => {
  await omgeving?.stop();
}, 60_000);

const serverOutput = () => omgeving!.serverOutput();
const newPage = (width?: number) => omgeving!.newPage(width);
const loggedIn = (rol: string) => omgeving!.loggedIn(rol);

/** Expected answers: 401 before login, 400 for the refused public melding. */
const EXPECTED = [/\/api\/v1\/auth\/sessie → 401/, /status of 401/, /\/api\/v1\/publiek\/contact → 400/, /status of 400/];
const unexpected = (problems: PageProblems) => problems.all().filter((line) => !EXPECTED.some((p) => p.test(line)));

async function expectAccessible(page: Page, wat: string): Promise<void> {
  expect(await structuurProblemen(page), `${wat}: structure`).toEqual([]);
}

interface Lid {
  voornamen: string | null;
  achternaam: string | null;
  tussenvoegsel: string | null;
  geboortedatum: string | null;
  bsn: string | null;
}

/** A known adult of the demo region with a name, birth date and BSN, read through the API in this browser session. */
async function bekendePersoon(page: Page): Promise<Lid & { gemeente: string }> {
  return page.evaluate(async () => {
    const lijst = (await (await fetch('/api/v1/huishoudens?pagina=1')).json()) as { items: { id: string; gemeente: { code: string } | null }[] };
    for (const h of lijst.items) {
      if (!h.gemeente) continue;
      const d = (await (await fetch(`/api/v1/huishoudens/${h.id}`)).json()) as { leden: (Lid & { adresAfgeschermd: boolean })[] };
      const lid = d.leden.find((l) => l.voornamen && l.achternaam && l.bsn && l.geboortedatum && l.geboortedatum < '2000-01-01' && !l.adresAfgeschermd);
      if (lid) return { ...lid, gemeente: h.gemeente.code };
    }
    throw new Error('no known adult with name, birth date and BSN in the first page of households');
  });
}

describe.skipIf(skip)('the front door of Veilig Thuis', () => {
  it('phone intake → radar → assessment → four eyes → handover accepted by the lokaal team', { timeout: 420_000 }, async () => {
    const base = omgeving!.server.baseUrl;

    // 1. The vt-medewerker finds a known person of the region through the API.
    const mw = await loggedIn('vt-medewerker');
    const persoon = await bekendePersoon(mw.page);
    const achternaam = [persoon.tussenvoegsel, persoon.achternaam].filter(Boolean).join(' ');

    // 2. Intake by keyboard: a melding about that person and a child.
    await mw.page.goto(`${base}/intake`);
    await waitUntilLoaded(mw.page);
    const p = mw.page;
    await expect.poll(() => p.getByRole('radio', { name: /^Melding/ }).isChecked()).toBe(true);
    await p.getByLabel('Gemeente').selectOption(persoon.gemeente);
    await p.getByLabel('Relatie tot het huishouden').selectOption('buren');
    await typ(p, p.getByRole('textbox', { name: /^Naam/ }), 'Bea Buurvrouw');
    await typ(p, p.getByRole('textbox', { name: /^Telefoon/ }), '055-1234567');

    const eerste = p.locator('.sv-persoon').first();
    await typ(p, eerste.getByRole('textbox', { name: /^Voornamen/ }), persoon.voornamen ?? '');
    if (persoon.tussenvoegsel) await typ(p, eerste.getByRole('textbox', { name: /^Tussenvoegsel/ }), persoon.tussenvoegsel);
    await typ(p, eerste.getByRole('textbox', { name: /^Achternaam/ }), persoon.achternaam ?? '');
    // Enter in a text field never submits the form.
    await p.keyboard.press('Enter');
    expect(new URL(p.url()).pathname).toBe('/intake');
    await eerste.getByLabel(/^Geboortedatum/).fill(persoon.geboortedatum ?? '');
    await typ(p, eerste.getByRole('textbox', { name: /^BSN/ }), persoon.bsn ?? '');

    // Live radar: the known person appears with a score and an explanation.
    const radar = p.locator('.sv-radar-live').first();
    await radar.locator('.sv-radar').first().waitFor();
    expect(await radar.textContent()).toMatch(/kans dat dit dezelfde persoon is/);
    expect(await radar.textContent()).toMatch(/BSN/);
    await screenshot(p, 'voordeur-intake-radar');

    // Alt+N adds a person and puts focus on its role.
    await p.keyboard.press('Alt+KeyN');
    await expect.poll(() => p.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^intake-.*-rol$/);
    const rolId = await p.evaluate(() => document.activeElement!.id);
    await p.locator(`#${rolId}`).selectOption('kind');
    const kind = p.locator(`#${rolId.replace(/-rol$/, '')}`);
    await typ(p, kind.getByRole('textbox', { name: /^Voornamen/ }), 'Sam');
    await typ(p, kind.getByRole('textbox', { name: /^Achternaam/ }), achternaam);
    await kind.getByLabel(/^Geboortedatum/).fill('2018-05-05');
    await typ(p, p.getByRole('textbox', { name: /^Omschrijving/ }), 'Buurvrouw hoort opnieuw geschreeuw en een kind dat huilt.');

    // The draft is saved on the server.
    await p.getByRole('button', { name: /Concept opslaan/ }).click();
    await p.getByText(/Concept opgeslagen om \d\d:\d\d/).waitFor();
    expect(new URL(p.url()).searchParams.get('concept')).toMatch(/^[0-9a-f-]{36}$/);
    await expectAccessible(p, '/intake');

    // Ctrl+Enter registers; the melding page opens.
    await p.getByRole('textbox', { name: /^Omschrijving/ }).focus();
    await p.keyboard.press('Control+Enter');
    await p.waitForURL(/\/meldingen\/[0-9a-f-]{36}$/);
    await waitUntilLoaded(p);
    const meldingUrl = p.url();
    await p.getByRole('heading', { level: 1, name: /^Melding van/ }).waitFor();
    await expectAccessible(p, '/meldingen/:id');

    // 3. Radar on the melding page: confirm the candidate and join the known household.
    const kaart = p.locator('#melding-radar').locator('..').locator('.sv-radar').first();
    await kaart.waitFor();
    await kaart.getByRole('radio', { name: /Koppel aan dit bekende huishouden/ }).first().check();
    await kaart.getByRole('button', { name: 'Dezelfde persoon: bevestigen' }).click();
    await p.getByText(/is dezelfde persoon als .*bekende huishouden/).waitFor();

    // 4. The assessment and a proposed handover to the demo's lokaal team.
    await beoordeelEnStelOverdrachtVoor(p, {
      organisatie: 'Lokaal team Apeldoorn (demo)',
      warm: 'Warme overdracht: het gezin kent het lokaal team; graag binnen een week op huisbezoek.',
    });
    expect(await p.getByRole('button', { name: 'Bevestigen' }).count(), 'the proposer cannot confirm').toBe(0);
    await screenshot(p, 'voordeur-voorstel');
    expect(unexpected(mw.problems), `problems (medewerker)${serverOutput()}`).toEqual([]);

    // 5. Four eyes: the gedragswetenschapper finds it in the notifications and confirms.
    const gw = await loggedIn('vt-gedragswetenschapper');
    await gw.page.goto(`${base}/meldingen-inbox`);
    await waitUntilLoaded(gw.page);
    await expectAccessible(gw.page, '/meldingen-inbox');
    const id = new URL(meldingUrl).pathname;
    await gw.page.locator(`a[href="${id}"]`).first().click();
    await gw.page.waitForURL(`${base}${id}`);
    await waitUntilLoaded(gw.page);
    await gw.page.getByRole('button', { name: 'Bevestigen' }).click();
    await gw.page.getByText(/Het besluit "Overdracht" is bevestigd/).waitFor();
    await gw.page.getByText('Overdracht wacht op de ontvanger').first().waitFor();
    expect(unexpected(gw.problems), `problems (gedragswetenschapper)${serverOutput()}`).toEqual([]);

    // 6. The lokaal team accepts on /overdrachten.
    const lt = await loggedIn('lokaal-team');
    await lt.page.goto(`${base}/overdrachten`);
    await waitUntilLoaded(lt.page);
    await expectAccessible(lt.page, '/overdrachten');
    await lt.page.locator('.sv-kaart a').filter({ hasText: persoon.achternaam ?? '' }).first().click();
    await lt.page.waitForURL(/\/overdrachten\/[0-9a-f-]{36}$/);
    await waitUntilLoaded(lt.page);
    await lt.page.getByText(/graag binnen een week op huisbezoek/).waitFor();
    expect(await lt.page.textContent('main')).not.toContain('Bea Buurvrouw');
    await expectAccessible(lt.page, '/overdrachten/:id');
    await lt.page.getByRole('button', { name: 'Overdracht accepteren' }).click();
    await lt.page.getByText(/U heeft de overdracht geaccepteerd/).waitFor();
    expect(unexpected(lt.problems), `problems (lokaal team)${serverOutput()}`).toEqual([]);

    // 7. The melding page shows the handover accepted and the assessment settled.
    await mw.page.reload();
    await waitUntilLoaded(mw.page);
    const overdrachten = mw.page.getByRole('table', { name: 'Overdrachten' });
    await overdrachten.getByText('Geaccepteerd').waitFor();
    expect(await overdrachten.textContent()).toContain('Lokaal team Apeldoorn (demo)');
    await mw.page.getByText('Afgerond', { exact: true }).first().waitFor();
    await screenshot(mw.page, 'voordeur-afgerond');

    // The work queue and intake pages are well-formed too.
    await mw.page.goto(`${base}/werkvoorraad?team=alle`);
    await waitUntilLoaded(mw.page);
    await expectAccessible(mw.page, '/werkvoorraad');
    expect(unexpected(mw.problems), `problems${serverOutput()}`).toEqual([]);
  });

  it('the public page: anonymous advice gets a reference; a melding without a surname gets a plain-Dutch error', { timeout: 120_000 }, async () => {
    const base = omgeving!.server.baseUrl;
    const { page, problems } = await newPage(320);
    await page.goto(`${base}/melden`);
    await waitUntilLoaded(page);
    await page.getByText('Is er nu direct gevaar? Bel 112.').waitFor();
    await page.getByText(/0800-2000 \(gratis, dag en nacht\)/).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no sideways scrolling at 320 px').toBe(true);

    await page.getByRole('radio', { name: 'Ik wil advies' }).check();
    await page.getByLabel('In welke gemeente gebeurt het?').selectOption({ label: 'Apeldoorn' });
    await page.getByRole('textbox', { name: /Vertel wat u ziet of hoort/ }).fill('Ik hoor bij de buren vaak harde klappen en een kind dat huilt.');
    await page.getByRole('radiogroup', { name: 'Zijn er kinderen bij?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('radio', { name: 'Ik ben een buur' }).check();
    await page.getByRole('radio', { name: 'Nee, ik wil anoniem blijven' }).check();
    // The robot trap: hidden from screen readers, out of the tab order, one pixel at most.
    expect(await page.locator('.sv-honingpot').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('#pub-website').getAttribute('tabindex')).toBe('-1');
    expect((await page.locator('.sv-honingpot').boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByRole('heading', { name: /Wij hebben uw bericht gekregen/ }).waitFor();
    expect(await page.textContent('main')).toMatch(/Uw nummer is [0-9A-F]{8}/);
    expect(await page.textContent('main')).toMatch(/kan Veilig Thuis u niet terugbellen/);
    await expectAccessible(page, '/melden (ontvangen)');

    // A melding needs the surname: the server's plain-Dutch message stands next to the field and in the summary.
    await page.goto(`${base}/melden`);
    await waitUntilLoaded(page);
    await page.getByRole('radio', { name: 'Ik wil iets melden' }).check();
    await page.getByLabel('In welke gemeente gebeurt het?').selectOption({ label: 'Apeldoorn' });
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByLabel('Wie is dit?').selectOption('kind');
    await page.getByRole('textbox', { name: /^Voornaam/ }).fill('Sam');
    await page.getByRole('textbox', { name: /Vertel wat u ziet of hoort/ }).fill('Sam komt vaak met blauwe plekken buiten spelen.');
    await page.getByRole('radiogroup', { name: 'Zijn er kinderen bij?' }).getByRole('radio', { name: 'Ja' }).check();
    await page.getByRole('radio', { name: 'Ik ben een buur' }).check();
    await page.getByRole('radio', { name: 'Nee, ik wil anoniem blijven' }).check();
    await page.getByRole('button', { name: 'Versturen' }).click();
    const samenvatting = page.locator('#pub-fouten');
    await samenvatting.waitFor();
    expect(await samenvatting.textContent()).toMatch(/Bij een melding hebben we de achternaam nodig/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pub-fouten');
    const achternaam = page.getByRole('textbox', { name: /^Achternaam/ });
    expect(await achternaam.getAttribute('aria-invalid')).toBe('true');
    const beschrijving = await achternaam.getAttribute('aria-describedby');
    expect(beschrijving).toBeTruthy();
    expect(await page.locator(`#${beschrijving!.split(' ').at(-1)!}`).textContent()).toMatch(/achternaam nodig/);
    await expectAccessible(page, '/melden (fout)');
    await screenshot(page, 'voordeur-publiek-fout');
    expect(unexpected(problems), `problems${serverOutput()}`).toEqual([]);
  });

  it('the professionals form: a police officer reports; Veilig Thuis finds the melding in its queue', { timeout: 180_000 }, async () => {
    const base = omgeving!.server.baseUrl;
    const { page: p, problems } = await loggedIn('politie');
    await p.goto(`${base}/melden/professional`);
    await waitUntilLoaded(p);
    await p.getByLabel('Gemeente').selectOption({ label: 'Apeldoorn' });
    await p.getByRole('button', { name: /^Persoon toevoegen/ }).click();
    const persoon = p.locator('.sv-persoon').first();
    await persoon.getByRole('textbox', { name: /^Voornamen/ }).fill('Pieternella');
    const achternaam = `Politieformulier${Date.now().toString(36)}`;
    await persoon.getByRole('textbox', { name: /^Achternaam/ }).fill(achternaam);
    await p.getByRole('textbox', { name: /^Wat zag of hoorde u/ }).fill('Aanhouding na huiselijk geweld; twee kinderen thuis.');
    await p.getByRole('button', { name: 'Melding versturen' }).click();
    await p.getByRole('heading', { name: 'Uw melding is ontvangen' }).waitFor();
    expect(await p.getByText(/binnen 5 werkdagen op veiligheid/).count()).toBeGreaterThan(0);
    await expectAccessible(p, '/melden/professional (ontvangen)');
    expect(unexpected(problems), serverOutput()).toEqual([]);

    // Veilig Thuis has it in the queue, with the police officer as the identifiable melder.
    const vt = await loggedIn('vt-medewerker');
    const q = (await (await vt.page.request.get(`${base}/api/v1/werkvoorraad?team=alle&limit=1000`)).json()) as { items: { contactId: string; betrokkenen: string[]; melderType: string }[] };
    const item = q.items.find((i) => i.betrokkenen.some((b) => b.includes(achternaam)));
    expect(item, 'the melding is in the queue').toBeDefined();
    expect(item!.melderType).toBe('politie');
    await vt.page.goto(`${base}/meldingen/${item!.contactId}`);
    await waitUntilLoaded(vt.page);
    await vt.page.getByText(achternaam).first().waitFor();
    expect(await vt.page.getByText('Demo Politie').count()).toBeGreaterThan(0);

    // It turns out to be registered twice: Veilig Thuis withdraws it; it leaves the queue and says why.
    await vt.page.getByRole('button', { name: 'Registratie intrekken' }).click();
    await vt.page.getByRole('textbox', { name: /^Waarom is deze registratie een vergissing/ }).fill('Dubbel geregistreerd: dezelfde zorgmelding kwam ook via de import.');
    await vt.page.getByRole('button', { name: 'Intrekken bevestigen' }).click();
    await vt.page.getByText('Deze registratie is ingetrokken.').waitFor();
    await vt.page.getByText(/Dubbel geregistreerd/).first().waitFor();
    const na = (await (await vt.page.request.get(`${omgeving!.server.baseUrl}/api/v1/werkvoorraad?team=alle&limit=1000`)).json()) as { items: { contactId: string }[] };
    expect(na.items.some((i) => i.contactId === item!.contactId)).toBe(false);
    expect(unexpected(vt.problems), serverOutput()).toEqual([]);
  });
});
