/**
 * One household, one plan, one director — the whole flow in a real browser against the built server in demo mode:
 * a melding is assessed and handed over to the lokaal team → the team accepts and names the casusregisseur → a
 * plan with voorwaarden and afspraken is made (and a concurrent edit is caught) → a TOP-3 session with two
 * professionals and two household members → the phase moves forward once the region's exit criterion is met → a
 * new melding about the household sends it back and notifies the regisseur → the printed plan shows no
 * organisation note and no melder identity.
 *
 * Chooses its own data directory (it changes the region's plan settings). Against an external server
 * (E2E_BASE_URL) it is skipped: it would change that region's settings.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilLoaded } from './support/app.js';
import { screenshot, type PageProblems } from './support/browser.js';
import { startOmgeving, type Omgeving } from './support/omgeving.js';
import { structuurProblemen } from './support/toegankelijkheid.js';
import { beoordeelEnStelOverdrachtVoor, typ } from './support/voordeur.js';

const skip = !!process.env.E2E_BASE_URL;
let omgeving: Omgeving | undefined;

beforeAll(async () => {
  if (!skip) omgeving = await startOmgeving('plan');
}, 180_000);

afterAll(async () => {
  await omgeving?.stop();
}, 60_000);

const serverOutput = () => omgeving!.serverOutput();
const loggedIn = (rol: string) => omgeving!.loggedIn(rol);

/** Expected answers: 401 before login; the 409 of the concurrent plan edit this test provokes. */
const EXPECTED = [/\/api\/v1\/auth\/sessie → 401/, /status of 401/, /\/plan → 409/, /status of 409/];
const unexpected = (problems: PageProblems) => problems.all().filter((line) => !EXPECTED.some((p) => p.test(line)));

async function expectAccessible(page: Page, wat: string): Promise<void> {
  expect(await structuurProblemen(page), `${wat}: structure`).toEqual([]);
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${omgeving!.server.baseUrl}${path}`);
  await waitUntilLoaded(page);
}

const achternaam = `Planhuis${Date.now().toString(36)}`;
const MOEDER = { voornamen: 'Fenna', geboortedatum: '1988-03-14' };
const KIND = { voornamen: 'Mees', geboortedatum: '2017-09-02' };
const MELDER = 'Bea Buurvrouw';
const NOTITIE = 'Interne notitie lokaal team: vader belt vaak boos naar het wijkteam.';

/** A phone melding about mother and child of the Planhuis household; returns the melding page's path. */
async function meldingOverHetHuishouden(p: Page, omschrijving: string): Promise<string> {
  await open(p, '/intake');
  await expect.poll(() => p.getByRole('radio', { name: /^Melding/ }).isChecked()).toBe(true);
  await p.getByLabel('Gemeente').selectOption({ label: 'Apeldoorn' });
  await p.getByLabel('Relatie tot het huishouden').selectOption('buren');
  await typ(p, p.getByRole('textbox', { name: /^Naam/ }), MELDER);
  await typ(p, p.getByRole('textbox', { name: /^Telefoon/ }), '055-7654321');
  const personen: [Locator, { voornamen: string; geboortedatum: string }, string][] = [];
  const eerste = p.locator('.sv-persoon').first();
  personen.push([eerste, MOEDER, 'slachtoffer']);
  await p.keyboard.press('Alt+KeyN');
  await expect.poll(() => p.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^intake-.*-rol$/);
  const rolId = await p.evaluate(() => document.activeElement!.id);
  await p.locator(`#${rolId}`).selectOption('kind');
  personen.push([p.locator(`#${rolId.replace(/-rol$/, '')}`), KIND, 'kind']);
  for (const [blok, persoon] of personen) {
    await typ(p, blok.getByRole('textbox', { name: /^Voornamen/ }), persoon.voornamen);
    await typ(p, blok.getByRole('textbox', { name: /^Achternaam/ }), achternaam);
    await blok.getByLabel(/^Geboortedatum/).fill(persoon.geboortedatum);
  }
  await typ(p, p.getByRole('textbox', { name: /^Omschrijving/ }), omschrijving);
  await p.getByRole('button', { name: 'Melding registreren' }).click();
  await p.waitForURL(/\/meldingen\/[0-9a-f-]{36}$/);
  await waitUntilLoaded(p);
  return new URL(p.url()).pathname;
}

/** The household's dossier id as the melding page links it. */
async function dossierVan(p: Page): Promise<string> {
  const href = await p.locator('a[href^="/dossiers/"]').first().getAttribute('href');
  const id = /^\/dossiers\/([0-9a-f-]{36})/.exec(href ?? '')?.[1];
  if (!id) throw new Error(`no dossier link on the melding page (found ${href})`);
  return id;
}

/** A participant's entry in an open TOP-3 session: new matters, each with a score and a reason. */
async function inbreng(p: Page, naam: RegExp, items: { onderwerp: string; cijfer: string; reden: string; nieuw?: boolean }[]): Promise<void> {
  const form = p.getByRole('form', { name: naam });
  for (const [i, item] of items.entries()) {
    const groep = form.getByRole('group', { name: new RegExp(`^Onderwerp ${i + 1} van`) });
    const keuze = groep.getByRole('combobox', { name: /^Onderwerp/ });
    if (item.nieuw === false) await keuze.selectOption({ label: item.onderwerp });
    else {
      await keuze.selectOption('nieuw');
      await groep.getByRole('textbox', { name: /^Nieuw onderwerp/ }).fill(item.onderwerp);
    }
    await groep.getByLabel(/^Cijfer/).selectOption(item.cijfer);
    await groep.getByRole('textbox', { name: /^Waarom dit cijfer/ }).fill(item.reden);
  }
  await form.getByRole('button', { name: /^Inbreng van .* opslaan$/ }).click();
  // This participant's confirmation (the one before stays until it is replaced).
  await p.getByText(new RegExp(`De inbreng van ${naam.source.replace(/^\^/, '')}.* is opgeslagen\\.`)).waitFor();
}

describe.skipIf(skip)('one household, one plan, one director', () => {
  it('handover → casusregisseur → plan → TOP-3 → phase forward → new melding sends it back → printed plan', { timeout: 600_000 }, async () => {
    // 1. Veilig Thuis: a phone melding, assessed, handed over to the lokaal team; a gedragswetenschapper confirms.
    const mw = await loggedIn('vt-medewerker');
    const meldingPad = await meldingOverHetHuishouden(mw.page, 'Buurvrouw hoort geschreeuw; Mees zat huilend op de trap.');
    const huishouden = await dossierVan(mw.page);
    await beoordeelEnStelOverdrachtVoor(mw.page, {
      organisatie: 'Lokaal team Apeldoorn (demo)',
      warm: 'Warme overdracht: moeder wil hulp; graag deze week een huisbezoek met het lokaal team.',
    });
    const gw = await loggedIn('vt-gedragswetenschapper');
    await open(gw.page, meldingPad);
    await gw.page.getByRole('button', { name: 'Bevestigen' }).click();
    await gw.page.getByText(/Het besluit "Overdracht" is bevestigd/).waitFor();

    // 2. The lokaal team accepts and names the casusregisseur: the person who accepts, by default.
    const lt = await loggedIn('lokaal-team');
    await open(lt.page, '/overdrachten');
    await lt.page.locator('.sv-kaart a').filter({ hasText: achternaam }).first().click();
    await lt.page.waitForURL(/\/overdrachten\/[0-9a-f-]{36}$/);
    await waitUntilLoaded(lt.page);
    const regisseur = lt.page.getByRole('combobox', { name: /^Casusregisseur/ });
    expect(await regisseur.locator('option:checked').textContent()).toMatch(/\(ik\)$/);
    await expectAccessible(lt.page, '/overdrachten/:id (accepteren)');
    await lt.page.getByRole('button', { name: 'Overdracht accepteren' }).click();
    await lt.page.getByText(/U heeft de overdracht geaccepteerd\. Dit huishouden is nu een actief dossier met u als casusregisseur/).waitFor();

    // The dossier always shows who has regie and how to reach them.
    await open(lt.page, `/dossiers/${huishouden}`);
    const regie = lt.page.locator('section.sv-regie');
    await regie.getByText('Demo Medewerker lokaal team').first().waitFor();
    expect(await regie.textContent()).toContain('lokaal-team@demo.samenveilig.example');
    // An organisation note, private to the lokaal team.
    await lt.page.getByRole('textbox', { name: /^Notitie/ }).fill(NOTITIE);
    await lt.page.getByRole('checkbox', { name: 'Alleen voor mijn organisatie' }).check();
    await lt.page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await lt.page.getByText('De notitie is opgeslagen. Alleen uw organisatie ziet haar.').waitFor();
    await lt.page.getByText(NOTITIE).waitFor();
    await expectAccessible(lt.page, '/dossiers/:id');
    await screenshot(lt.page, 'plan-dossier');

    // 3. The plan: a voorwaarde, an afspraak with oma, oma in the network.
    await open(lt.page, `/dossiers/${huishouden}/plan`);
    await lt.page.getByRole('heading', { level: 2, name: /^Fase: Directe veiligheid/ }).waitFor();
    await lt.page.getByText('Nog niet gehaald', { exact: true }).waitFor();
    const voorwaarden = lt.page.locator('.sv-plan-item[id^="plan-voorwaarden-"]');
    const bestaand = await voorwaarden.count();
    await lt.page.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    const voorwaarde = voorwaarden.nth(bestaand);
    await voorwaarde.getByRole('textbox', { name: /^Wat moet er gelden/ }).fill('Vader komt niet in huis zolang Mees thuis is.');
    await voorwaarde.getByRole('textbox', { name: /^Wie let erop/ }).fill('Moeder en het lokaal team');
    await voorwaarde.getByRole('textbox', { name: /^Wat gebeurt er als het niet lukt/ }).fill('Moeder belt de politie; het lokaal team schaalt op.');
    await lt.page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    const afspraak = lt.page.locator('.sv-plan-item[id^="plan-afspraken-"]').last();
    await afspraak.getByRole('textbox', { name: /^Wie doet het/ }).fill('Oma');
    await afspraak.getByLabel(/^Klaar op/).fill('2099-12-31');
    await afspraak.getByRole('textbox', { name: /^Wat gebeurt er\?/ }).fill('Oma haalt Mees op van school en brengt hem naar vader.');
    await afspraak.getByRole('textbox', { name: /^Wat gebeurt er als de afspraak niet lukt/ }).fill('Moeder belt de buurvrouw; die haalt Mees op.');
    await lt.page.getByRole('button', { name: 'Netwerklid toevoegen' }).click();
    const netwerk = lt.page.locator('.sv-plan-item[id^="plan-netwerk-"]').last();
    await netwerk.getByRole('textbox', { name: /^Naam/ }).fill('Oma Jannie');
    await netwerk.getByRole('textbox', { name: /^Relatie/ }).fill('oma');
    await netwerk.getByRole('textbox', { name: /^Wat doet deze persoon/ }).fill('Haalt Mees op en is er als het thuis misgaat.');
    await lt.page.getByRole('textbox', { name: /^Wat heeft u gewijzigd/ }).fill('Plan gemaakt met moeder en oma');

    // Meanwhile a colleague (the same team, another tab) saves a change: the second save is a 409 that names it.
    const collega = await lt.page.context().newPage();
    await open(collega, `/dossiers/${huishouden}/plan`);
    await collega.getByRole('textbox', { name: /^De situatie in een paar zinnen/ }).fill('Moeder en Mees wonen samen; vader woont sinds kort elders.');
    await collega.getByRole('button', { name: 'Plan opslaan' }).click();
    await collega.getByText(/Het plan is opgeslagen als versie \d+\./).waitFor();
    await collega.close();

    await lt.page.getByRole('button', { name: 'Plan opslaan' }).click();
    const fouten = lt.page.locator('#plan-fouten');
    await fouten.getByText(/Samenvatting/).first().waitFor();
    await expectAccessible(lt.page, '/dossiers/:id/plan (409)');
    await screenshot(lt.page, 'plan-conflict');
    await fouten.getByRole('button', { name: /opnieuw laden/i }).click();
    await lt.page.getByText(/Het plan is opnieuw geladen/).waitFor();
    await expect.poll(() => lt.page.getByRole('textbox', { name: /^De situatie in een paar zinnen/ }).inputValue()).toContain('vader woont sinds kort elders');
    // Nothing was overwritten: make the change again on top of the colleague's version.
    await lt.page.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    const opnieuw = lt.page.locator('.sv-plan-item[id^="plan-voorwaarden-"]').last();
    await opnieuw.getByRole('textbox', { name: /^Wat moet er gelden/ }).fill('Vader komt niet in huis zolang Mees thuis is.');
    await opnieuw.getByRole('textbox', { name: /^Wie let erop/ }).fill('Moeder en het lokaal team');
    await lt.page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    const afspraak2 = lt.page.locator('.sv-plan-item[id^="plan-afspraken-"]').last();
    await afspraak2.getByRole('textbox', { name: /^Wie doet het/ }).fill('Oma');
    await afspraak2.getByLabel(/^Klaar op/).fill('2099-12-31');
    await afspraak2.getByRole('textbox', { name: /^Wat gebeurt er\?/ }).fill('Oma haalt Mees op van school en brengt hem naar vader.');
    await afspraak2.getByRole('textbox', { name: /^Wat gebeurt er als de afspraak niet lukt/ }).fill('Moeder belt de buurvrouw; die haalt Mees op.');
    await lt.page.getByRole('button', { name: 'Netwerklid toevoegen' }).click();
    const netwerk2 = lt.page.locator('.sv-plan-item[id^="plan-netwerk-"]').last();
    await netwerk2.getByRole('textbox', { name: /^Naam/ }).fill('Oma Jannie');
    await netwerk2.getByRole('textbox', { name: /^Relatie/ }).fill('oma');
    await netwerk2.getByRole('textbox', { name: /^Wat doet deze persoon/ }).fill('Haalt Mees op en is er als het thuis misgaat.');
    await lt.page.getByRole('button', { name: 'Plan opslaan' }).click();
    const opgeslagen = lt.page.getByText(/Het plan is opgeslagen als versie \d+\./);
    await opgeslagen.waitFor();
    const versie = /versie (\d+)/.exec((await opgeslagen.textContent()) ?? '')![1]!;

    // Every version is kept, with a readable diff.
    await lt.page.getByRole('button', { name: `Bekijk versie ${versie}`, exact: true }).click();
    const verschil = lt.page.locator('#plan-versie');
    await verschil.getByText(/Verschil met versie \d+/).waitFor();
    expect(await verschil.textContent()).toMatch(/Oma haalt Mees op/);
    await expectAccessible(lt.page, '/dossiers/:id/plan');

    // 4. A TOP-3 session: moeder and Mees, and two professionals (the lokaal team and Veilig Thuis).
    await open(lt.page, `/dossiers/${huishouden}/top3`);
    await lt.page.getByRole('button', { name: 'Nieuwe TOP-3-sessie beginnen' }).click();
    const leden = lt.page.getByRole('group', { name: /^Gezinsleden/ });
    await leden.getByRole('checkbox', { name: new RegExp(`^${MOEDER.voornamen}`) }).check();
    await leden.getByRole('checkbox', { name: new RegExp(`^${KIND.voornamen}.*\\(kind\\)`) }).check();
    const professionals = lt.page.getByRole('group', { name: /^Professionals/ });
    await professionals.getByRole('checkbox', { name: /lokaal-team@demo/ }).check();
    await professionals.getByRole('checkbox', { name: /vt-medewerker@demo/ }).check();
    await lt.page.getByText('4 deelnemers gekozen.').waitFor();
    await lt.page.getByRole('button', { name: 'Sessie beginnen', exact: true }).click();
    await lt.page.getByText(/De TOP-3-sessie is begonnen/).waitFor();

    await inbreng(lt.page, new RegExp(`^${MOEDER.voornamen}`), [
      { onderwerp: 'Ruzie bij het ophalen', cijfer: '2', reden: 'Vader wordt boos als hij Mees ophaalt.' },
      { onderwerp: 'Geldzorgen', cijfer: '4', reden: 'De huur is twee maanden te laat.' },
    ]);
    await inbreng(lt.page, new RegExp(`^${KIND.voornamen}`), [
      { onderwerp: 'Ruzie bij het ophalen', cijfer: '1', reden: 'Ik ben bang als papa schreeuwt.', nieuw: false },
      { onderwerp: 'Alleen thuis na school', cijfer: '3', reden: 'Soms is er niemand thuis.' },
    ]);
    await inbreng(lt.page, /^Demo Medewerker lokaal team/, [
      { onderwerp: 'Ruzie bij het ophalen', cijfer: '2', reden: 'Twee incidenten bij de overdracht van Mees.', nieuw: false },
      { onderwerp: 'Alleen thuis na school', cijfer: '3', reden: 'Oma kan niet elke dag.', nieuw: false },
    ]);
    await inbreng(lt.page, /^Demo Veilig Thuis-medewerker/, [
      { onderwerp: 'Ruzie bij het ophalen', cijfer: '2', reden: 'Bekend bij de politie.', nieuw: false },
      { onderwerp: 'Drankgebruik vader', cijfer: '3', reden: 'Genoemd in de melding van de politie.' },
    ]);
    // The proposal: lowest scores and most often named first.
    const voorstel = lt.page.locator('.sv-top3-voorstel li');
    await expect.poll(() => voorstel.count()).toBe(3);
    expect(await voorstel.first().textContent()).toBe('Ruzie bij het ophalen');
    expect(await voorstel.nth(1).textContent()).toBe('Alleen thuis na school');
    await expectAccessible(lt.page, '/dossiers/:id/top3 (open)');
    await lt.page.getByRole('button', { name: 'TOP-3 vaststellen' }).click();
    await lt.page.getByText(/De TOP-3 is vastgesteld: Ruzie bij het ophalen, Alleen thuis na school/).waitFor();
    // Charts with the numbers as a table beside them.
    await lt.page.getByRole('heading', { name: 'Gemiddeld cijfer per onderwerp' }).waitFor();
    await expect.poll(() => lt.page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await expectAccessible(lt.page, '/dossiers/:id/top3 (vastgesteld)');
    await screenshot(lt.page, 'plan-top3');

    // The chosen three are the plan's goals now.
    await open(lt.page, `/dossiers/${huishouden}/plan`);
    const doelen = lt.page.locator('section[aria-labelledby="plan-doelen"]');
    await doelen.getByText('Ruzie bij het ophalen').waitFor();
    expect(await doelen.textContent()).toContain('Alleen thuis na school');

    // 5. The phase: the criterion (91 days without violence) is not met, so the region lowers it to 0 days…
    await lt.page.getByText('Nog niet gehaald', { exact: true }).waitFor();
    const fb = await loggedIn('functioneel-beheerder');
    await open(fb.page, '/beheer/plan');
    await typ(fb.page, fb.page.getByRole('textbox', { name: /dagen zonder geweld/i }), '0');
    await fb.page.getByRole('button', { name: /opslaan/i }).click();
    await fb.page.getByText('De instellingen van het veiligheidsplan zijn opgeslagen.').waitFor();
    await expectAccessible(fb.page, '/beheer/plan');
    expect(unexpected(fb.problems), `problems (beheer)${serverOutput()}`).toEqual([]);
    // …and the plan moves forward at once, without a second approval.
    await lt.page.reload();
    await waitUntilLoaded(lt.page);
    await lt.page.getByText('Gehaald', { exact: true }).waitFor();
    await lt.page.getByRole('radio', { name: 'Verder naar stabiele veiligheid' }).check();
    await lt.page.getByRole('button', { name: 'Naar stabiele veiligheid' }).click();
    await lt.page.getByText('Het plan is nu in de fase stabiele veiligheid.').waitFor();
    await lt.page.getByRole('heading', { level: 2, name: /^Fase: Stabiele veiligheid/ }).waitFor();

    // 6. A new melding about the household: Veilig Thuis confirms the radar's link…
    const tweede = await meldingOverHetHuishouden(mw.page, 'Politie: opnieuw ruzie bij het ophalen van Mees.');
    const kaart = mw.page.locator('#melding-radar').locator('..').locator('.sv-radar').first();
    await kaart.waitFor();
    await kaart.getByRole('radio', { name: /Koppel aan dit bekende huishouden/ }).first().check();
    await kaart.getByRole('button', { name: 'Dezelfde persoon: bevestigen' }).click();
    await mw.page.getByText(/is dezelfde persoon als .*bekende huishouden/).waitFor();
    // Mees is the same child too: both registrations are kept, as one person.
    const mees = mw.page.locator('#melding-radar').locator('..').locator('.sv-radar').filter({ hasText: KIND.voornamen }).first();
    await mees.getByRole('button', { name: 'Dezelfde persoon: bevestigen' }).click();
    await expect.poll(() => mw.page.locator('li').filter({ hasText: /: dezelfde persoon/ }).count()).toBe(2);
    expect(tweede).not.toBe(meldingPad);
    expect(unexpected(mw.problems), `problems (medewerker)${serverOutput()}`).toEqual([]);

    // …the plan is back in directe veiligheid, and the casusregisseur has been told.
    await lt.page.reload();
    await waitUntilLoaded(lt.page);
    await lt.page.getByRole('heading', { level: 2, name: /^Fase: Directe veiligheid/ }).waitFor();
    await open(lt.page, '/meldingen-inbox');
    await lt.page.getByText('Nieuwe melding bij Veilig Thuis over een huishouden waarvoor u regie heeft').first().waitFor();
    await open(lt.page, `/dossiers/${huishouden}`);
    await lt.page.getByText('2 personen', { exact: true }).waitFor();
    const tijdlijn = lt.page.locator('section[aria-labelledby="dossier-tijdlijn"]');
    await tijdlijn.getByText(/Fase van stabiele veiligheid naar directe veiligheid/).first().waitFor();

    // 7. The printed plan: plain Dutch, the voorwaarde and oma's afspraak, no note and no melder.
    await open(lt.page, `/dossiers/${huishouden}/plan/afdruk`);
    await lt.page.getByRole('heading', { level: 1, name: 'Ons veiligheidsplan' }).waitFor();
    const papier = (await lt.page.textContent('main')) ?? '';
    expect(papier).toContain('Vader komt niet in huis zolang Mees thuis is.');
    expect(papier).toContain('Oma haalt Mees op van school');
    expect(papier).toContain('Ruzie bij het ophalen');
    expect(papier).toContain(`Dit plan is van ${MOEDER.voornamen} en ${KIND.voornamen}.`);
    expect(papier).not.toContain(NOTITIE);
    expect(papier).not.toContain('vader belt vaak boos');
    expect(papier).not.toContain(MELDER);
    expect(papier).not.toContain('055-7654321');
    expect(papier).not.toContain(achternaam);
    await expectAccessible(lt.page, '/dossiers/:id/plan/afdruk');
    await lt.page.emulateMedia({ media: 'print' });
    // On paper: no menus, account bar, footer or buttons.
    const opPapier = await lt.page.locator('nav, .sv-account, .sv-footer, button').evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.outerHTML.slice(0, 80)));
    expect(opPapier).toEqual([]);
    expect(await lt.page.getByText('Vader komt niet in huis zolang Mees thuis is.').isVisible()).toBe(true);
    await screenshot(lt.page, 'plan-afdruk');
    expect(unexpected(lt.problems), `problems (lokaal team)${serverOutput()}`).toEqual([]);
  });
});
