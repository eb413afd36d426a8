/** Steps of the Veilig Thuis front door in the browser, shared by the browser tests. */
import type { Locator, Page } from 'playwright-core';

/** Focuses a field and types, as a keyboard user does (replacing what was there). */
export async function typ(page: Page, veld: Locator, tekst: string): Promise<void> {
  await veld.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(tekst);
}

/**
 * On the melding page: the veiligheidsbeoordeling (no acute, structural unsafety, a risk factor, a source, the
 * kindcheck) is saved, and a handover to `organisatie` (a lokaal team) is proposed with the warm handover text.
 */
export async function beoordeelEnStelOverdrachtVoor(p: Page, opts: { organisatie: string; warm: string }): Promise<void> {
  await p.getByRole('radiogroup', { name: 'Is er acute onveiligheid?' }).getByRole('radio', { name: 'Nee' }).check();
  await typ(p, p.getByRole('textbox', { name: /^Toelichting acute onveiligheid/ }), 'Geen direct gevaar: de pleger is vertrokken.');
  await p.getByRole('radiogroup', { name: 'Is er structurele onveiligheid?' }).getByRole('radio', { name: 'Ja' }).check();
  await typ(p, p.getByRole('textbox', { name: /^Toelichting structurele onveiligheid/ }), 'Herhaald geweld, het huishouden is bekend.');
  await p.getByText(/^Risicofactoren/).first().click();
  await p.getByRole('checkbox', { name: 'Kinderen zijn getuige van geweld' }).check();
  await p.getByRole('button', { name: 'Bron toevoegen' }).click();
  await p.getByLabel(/^Bron 1/).selectOption('politie');
  await typ(p, p.getByRole('textbox', { name: /Wat vertelde bron 1/ }), 'Twee incidenten dit jaar geregistreerd.');
  await p.getByRole('radiogroup', { name: /^Kindcheck/ }).getByRole('radio', { name: 'Ja' }).check();
  await typ(p, p.getByRole('textbox', { name: /veiligheid van de kinderen/ }), 'Sam was thuis; school wordt geïnformeerd.');
  await p.getByRole('button', { name: 'Beoordeling opslaan' }).click();
  await p.getByText('De beoordeling is opgeslagen.').waitFor();

  await p.getByRole('radiogroup', { name: /^Besluit/ }).getByRole('radio', { name: 'Overdracht', exact: true }).check();
  await p.getByRole('radiogroup', { name: /^Overdragen aan/ }).getByRole('radio', { name: 'Lokaal team' }).check();
  await p.getByLabel(/^Organisatie/).selectOption({ label: opts.organisatie });
  await typ(p, p.getByRole('textbox', { name: /^Warme overdracht/ }), opts.warm);
  await p.getByRole('button', { name: 'Besluit voorstellen' }).click();
  await p.getByRole('heading', { name: /Wacht op bevestiging: Overdracht/ }).waitFor();
}
