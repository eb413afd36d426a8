/**
 * The figures over HTTP on a real database: freshness (a new melding is in the figures after one step of
 * the job, and bijgewerktOp moves), disclosure control for the beleidsmedewerker (small cells, secondary
 * suppression no attacker can undo with the totals, the same cell in every view, rounding as a setting),
 * exact figures for Veilig Thuis, bad input as a Dutch 4xx naming the field, and the downloads (CSV with
 * BOM and without formulas, XLSX read back with the same numbers, the CBS long format), each audited.
 */
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { afleidbareGrenzen, amsterdamYear, CIJFERS, LANGE_KOLOMMEN, RELATIES, type Cel, type Lijn } from '@samenveilig/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { generateContacts } from '../generator/index.js';
import { importLines } from '../import/loader.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { fout, ok } from '../test-support/http.js';
import { createSecurityFixture, REGIO, securityConfig, type SecurityFixture, type Wie } from '../test-support/security.js';
import { herberekenCijfers, werkCijfersBij, type CijfersAntwoord } from './repository.js';

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  // A year of a small region: most gemeenten have small cells in a quarter.
  const lines = generateContacts({ seed: 77, regionIds: [REGIO, 'ijsselland'], fromYear: 2024, years: 1, meldingenPerYear: 220 });
  const s = await importLines(t.db, lines, { source: 'cijfers-test', checkDuplicates: false, radarVanaf: new Date('2030-01-01T00:00:00Z') });
  expect(s.rejected).toBe(0);
  await herberekenCijfers(t.db);
  app = await buildApp({ config: securityConfig(), db: t.db, webDir: '/nonexistent' });
}, 300_000);
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const get = (who: Wie, url: string) => app.inject({ method: 'GET', url, headers: fx.as(who) });
const cijfers = async (who: Wie, query: string) => ok<CijfersAntwoord>(await get(who, `/api/v1/cijfers?${query}`));
const zichtbaar = (c: Cel) => c.status === 'zichtbaar';
const waarde = (c: Cel | undefined) => (c && c.status === 'zichtbaar' ? c.waarde : null);

describe(`figures over HTTP (${testDbKind()})`, () => {
  it('freshness: a new melding through the API is in the figures after one step of the job, and bijgewerktOp moves', async () => {
    const jaar = String(amsterdamYear(new Date()));
    const voor = await cijfers('vt-medewerker', `periode=${jaar}`);
    const apeldoorn = () => voor.delen.find((d) => d.code === 'GM0200')!;
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/intake',
      headers: fx.as('vt-medewerker'),
      payload: {
        contact: {
          type: 'melding',
          ontvangenOp: new Date(Date.now() - 60_000).toISOString(),
          kanaal: 'telefoon',
          gemeente: 'GM0200',
          melder: { type: 'politie', naam: 'Agent Verzonnen', organisatie: 'Politie (test)', telefoon: '0900-0000' },
          personen: [{ ref: 'a', rol: 'slachtoffer', voornamen: 'Vera', achternaam: 'Versgemeld', geboortedatum: '1991-03-04', geslacht: 'vrouw' }],
          relaties: [],
          geweldsvormen: ['partnergeweld'],
          omschrijving: 'Nieuwe melding voor de cijfers (test).',
          acuutGevaar: false,
        },
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    // Marked in the same transaction; not yet counted, and the answer says so.
    const tussen = await cijfers('vt-medewerker', `periode=${jaar}`);
    expect(waarde(tussen.totaal.meldingen)).toBe(waarde(voor.totaal.meldingen));
    const merk = (await t.db.query<{ op: Date }>(`SELECT min(op) AS op FROM cijfer_vuil WHERE region_id = $1`, [REGIO])).rows[0]!.op;
    expect(tussen.bijgewerktOp).toBe(new Date(merk).toISOString());
    expect(await werkCijfersBij(t.db)).toBeGreaterThan(0);
    const na = await cijfers('vt-medewerker', `periode=${jaar}`);
    expect(waarde(na.totaal.meldingen)).toBe(waarde(voor.totaal.meldingen)! + 1);
    expect(waarde(na.totaal['melder.politie'])).toBe(waarde(voor.totaal['melder.politie'])! + 1);
    expect(waarde(na.delen.find((d) => d.code === 'GM0200')!.cijfers.meldingen)).toBe(waarde(apeldoorn().cijfers.meldingen)! + 1);
    expect(new Date(na.bijgewerktOp).getTime()).toBeGreaterThan(new Date(tussen.bijgewerktOp).getTime());
    const nl = await cijfers('vt-medewerker', `periode=${jaar}&regio=nl`);
    expect(waarde(nl.delen.find((d) => d.code === REGIO)!.cijfers.meldingen)).toBe(waarde(na.totaal.meldingen));
  });

  it('Veilig Thuis gets exact figures; the beleidsmedewerker gets "<5" and "x" that no total undoes, the same cell in every view', async () => {
    const exact = await cijfers('vt-gedragswetenschapper', 'periode=2024-K2');
    expect(exact.beschermd).toBe(false);
    for (const a of [exact.totaal, ...exact.delen.map((d) => d.cijfers)]) for (const c of Object.values(a)) expect(['zichtbaar', 'nvt']).toContain(c.status);
    const b = await cijfers('beleidsmedewerker', 'periode=2024-K2');
    expect(b.beschermd).toBe(true);
    expect(b.afronden).toBe(false);
    const alle = [b.totaal, ...b.delen.map((d) => d.cijfers)];
    const echte = [exact.totaal, ...exact.delen.map((d) => d.cijfers)];
    const statussen = alle.flatMap((a) => Object.values(a).map((c) => c.status));
    expect(statussen).toContain('klein');
    expect(statussen).toContain('geheim');
    // What is shown is true; 1-4 is never shown.
    alle.forEach((a, i) =>
      CIJFERS.forEach((c) => {
        if (zichtbaar(a[c.code]!)) expect(waarde(a[c.code]), c.code).toBe(waarde(echte[i]![c.code]));
        if (c.eenheid === 'aantal' && zichtbaar(a[c.code]!)) expect(waarde(a[c.code])! === 0 || waarde(a[c.code])! >= 5, c.code).toBe(true);
      }),
    );
    // The attacker: knows every visible cell, that "<5" is 1-4 and "x" at least 5, and every additive relation
    // (within an area, and the gemeenten summing to the region). No hidden cell may be pinned down.
    const waarden: number[] = [];
    const verborgen = new Map<number, 'klein' | 'geheim'>();
    const idx = new Map<string, number>();
    alle.forEach((a, i) =>
      CIJFERS.filter((c) => c.eenheid === 'aantal' && waarde(echte[i]![c.code]) !== null).forEach((c) => {
        idx.set(`${i}|${c.code}`, waarden.length);
        const cel = a[c.code]!;
        if (cel.status === 'klein' || cel.status === 'geheim') verborgen.set(waarden.length, cel.status);
        waarden.push(waarde(echte[i]![c.code])!);
      }),
    );
    const lijnen: Lijn[] = [];
    alle.forEach((_, i) => RELATIES.forEach((r) => lijnen.push({ delen: r.delen.map((d) => idx.get(`${i}|${d}`)!), totaal: idx.get(`${i}|${r.totaal}`)! })));
    for (const c of CIJFERS.filter((x) => x.eenheid === 'aantal' && x.optelbaar && idx.has(`0|${x.code}`))) {
      lijnen.push({ delen: b.delen.map((_, i) => idx.get(`${i + 1}|${c.code}`)!), totaal: idx.get(`0|${c.code}`)! });
    }
    const grenzen = afleidbareGrenzen(waarden, lijnen, verborgen);
    expect(verborgen.size).toBeGreaterThan(3);
    for (const i of verborgen.keys()) expect(grenzen[i]![0], `verborgen cel ${i} is terug te rekenen`).not.toBe(grenzen[i]![1]);
    // Every view shows the same cell for the same area.
    const nl = await cijfers('beleidsmedewerker', 'periode=2024-K2&regio=nl');
    expect(nl.delen.find((d) => d.code === REGIO)!.cijfers).toEqual(b.totaal);
    const klein = b.delen.find((d) => d.cijfers.meldingen!.status !== 'zichtbaar') ?? b.delen[0]!;
    const g = await cijfers('beleidsmedewerker', `periode=2024-K2&gemeente=${klein.code}`);
    expect(g.totaal).toEqual(klein.cijfers);
    expect(g.delen).toEqual([]);
    expect(g.reeks.at(-1)!.cijfers).toEqual(g.totaal);
    // The series: twenty quarters of the same area, each protected in the same way.
    expect(b.reeks.map((r) => r.periode)).toEqual(expect.arrayContaining(['2019-K3', '2024-K2']));
    expect(b.reeks).toHaveLength(20);
    expect(b.reeks[0]!.periode).toBe('2019-K3');
    const vorig = await cijfers('beleidsmedewerker', 'periode=2024-K1');
    expect(b.reeks.find((r) => r.periode === '2024-K1')!.cijfers).toEqual(vorig.totaal);
  });

  it('rounding is a setting of the functioneel beheerder, guarded by versie, for the beleidsmedewerker only', async () => {
    const huidig = ok<{ afronden: boolean; versie: number }>(await get('functioneel-beheerder', '/api/v1/beheer/instellingen/cijfers'));
    expect(huidig.afronden).toBe(false);
    const put = (body: unknown) => app.inject({ method: 'PUT', url: '/api/v1/beheer/instellingen/cijfers', headers: fx.as('functioneel-beheerder'), payload: body as object });
    const nieuw = ok<{ afronden: boolean; versie: number }>(await put({ afronden: true, versie: huidig.versie }));
    expect(nieuw).toEqual({ afronden: true, versie: huidig.versie + 1 });
    expect(fout(await put({ afronden: false, versie: huidig.versie }), 409).message).toMatch(/intussen/);
    const b = await cijfers('beleidsmedewerker', 'periode=2024');
    expect(b.afronden).toBe(true);
    for (const a of [b.totaal, ...b.delen.map((d) => d.cijfers)]) {
      for (const c of CIJFERS.filter((x) => x.eenheid === 'aantal')) if (zichtbaar(a[c.code]!)) expect(waarde(a[c.code])! % 5, c.code).toBe(0);
    }
    const vt = await cijfers('vt-medewerker', 'periode=2024');
    expect(vt.afronden).toBe(false);
    expect(Object.values(vt.totaal).some((c) => c.status === 'zichtbaar' && c.waarde % 5 !== 0)).toBe(true);
    ok(await put({ afronden: false, versie: nieuw.versie }));
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE actie = 'instellingen.cijfers.wijzigen'`)).rows.length).toBe(2);
  });

  it('bad input is a 4xx with a Dutch message naming the field; another region is not found', async () => {
    const veld = async (query: string, path: string, status = 400) => {
      const e = fout(await get('vt-medewerker', `/api/v1/cijfers?${query}`), status);
      if (status === 400) {
        expect(e.code).toBe('ongeldige_invoer');
        expect(e.issues?.map((i) => i.path) ?? [], query).toContain(path);
      }
      return e;
    };
    expect((await veld('periode=2025-K5', 'querystring.periode')).message).toMatch(/periode.*kwartaal/);
    await veld('periode=2025-H3', 'querystring.periode');
    await veld('periode=25', 'querystring.periode');
    await veld('periode=1850', 'querystring.periode');
    await veld('regio=nl', 'querystring.periode');
    expect((await veld('periode=2024&gemeente=GM9999', 'querystring.gemeente')).message).toMatch(/gemeente.*geen gemeente van deze regio/);
    await veld('periode=2024&gemeente=GM0193', 'querystring.gemeente'); // Zwolle: IJsselland
    await veld('periode=2024&gemeente=Apeldoorn', 'querystring.gemeente');
    await veld('periode=2024&regio=nl&gemeente=GM0200', 'querystring.gemeente');
    await veld('periode=2024&onbekend=1', 'querystring');
    expect((await veld('periode=2024&regio=ijsselland', '', 404)).code).toBe('niet_gevonden');
    await veld('periode=2024&regio=bestaat-niet', '', 404);
    const e = fout(await get('vt-medewerker', '/api/v1/cijfers/export?periode=2024&formaat=pdf'), 400);
    expect(e.issues!.map((i) => i.path)).toContain('querystring.formaat');
    // Refusals are audited as well.
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE actie = 'cijfers.lezen' AND uitkomst = 'niet-gevonden'`)).rows.length).toBeGreaterThanOrEqual(2);
  });

  it('exports: CSV with BOM and no formula, XLSX that reads back with the same numbers, the CBS long format; audited', async () => {
    // A crafted area name that reaches the export.
    await t.db.query(`UPDATE gemeente SET naam = '=HYPERLINK("https://aanvaller.invalid";"klik")' WHERE code = 'GM0213'`);
    const json = await cijfers('vt-medewerker', 'periode=2024');
    const r = await get('vt-medewerker', '/api/v1/cijfers/export?periode=2024&formaat=csv');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="cijfers-${REGIO}-2024.csv"`);
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rijen = parse(r.rawPayload, { delimiter: ';', bom: true, relaxColumnCount: false }) as string[][];
    expect(rijen).toHaveLength(1 + 1 + json.delen.length);
    for (const rij of rijen) for (const cel of rij) expect(/^[=+\-@\t\r]/.test(cel), cel).toBe(false);
    const aanval = rijen.find((x) => x[1] === 'GM0213')!;
    expect(aanval[0]).toBe(`'=HYPERLINK("https://aanvaller.invalid";"klik")`);
    const kol = rijen[0]!.indexOf('Meldingen');
    expect(Number(rijen[1]![kol])).toBe(waarde(json.totaal.meldingen));

    const x = await get('vt-medewerker', '/api/v1/cijfers/export?periode=2024&formaat=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toBe(`attachment; filename="cijfers-${REGIO}-2024.xlsx"`);
    const blad = await readSheet(x.rawPayload);
    expect(blad[0]).toEqual(['Gebied', 'Code', 'Soort gebied', 'Periode', ...CIJFERS.map((c) => c.naam)]);
    const totaal = blad[1]!;
    CIJFERS.forEach((c, i) => expect(totaal[4 + i], c.code).toEqual(waarde(json.totaal[c.code]) ?? '.'));
    json.delen.forEach((d, j) => expect(blad[2 + j]![4 + CIJFERS.findIndex((c) => c.code === 'meldingen')]).toBe(waarde(d.cijfers.meldingen)));
    expect(blad.find((rij) => rij[1] === 'GM0213')![0]).toBe(`'=HYPERLINK("https://aanvaller.invalid";"klik")`);

    // The beleidsmedewerker's download has the protected cells, the same as the dashboard.
    const cbs = await get('beleidsmedewerker', '/api/v1/cijfers/export?periode=2024-K2&formaat=cbs');
    expect(cbs.statusCode).toBe(200);
    expect(cbs.headers['content-disposition']).toBe(`attachment; filename="cijfers-${REGIO}-2024-K2-cbs.csv"`);
    const lang = parse(cbs.rawPayload, { delimiter: ';', bom: true }) as string[][];
    expect(lang[0]).toEqual([...LANGE_KOLOMMEN]);
    const bescherm = await cijfers('beleidsmedewerker', 'periode=2024-K2');
    expect(lang).toHaveLength(1 + (1 + bescherm.delen.length) * CIJFERS.length);
    expect(lang.some((rij) => rij[5] === '<5' && rij[4] === '')).toBe(true);
    expect(lang.some((rij) => rij[5] === 'x')).toBe(true);
    const m = lang.find((rij) => rij[0] === REGIO && rij[3] === 'OntvangenMeldingen')!;
    expect(m[1]).toBe('2024KW02');
    expect(m[4]).toBe(String(waarde(bescherm.totaal.meldingen) ?? ''));
    const gm = bescherm.delen.find((d) => d.cijfers.meldingen!.status === 'klein');
    if (gm) expect(lang.find((rij) => rij[0] === gm.code && rij[3] === 'OntvangenMeldingen')!.slice(4)).toEqual(['', '<5']);
    const nl = await get('vt-medewerker', '/api/v1/cijfers/export?periode=2024&regio=nl&formaat=cbs');
    expect((parse(nl.rawPayload, { delimiter: ';', bom: true }) as string[][]).some((rij) => rij[0] === 'NL01')).toBe(true);

    const audits = (await t.db.query<{ actor_id: string; doel: string }>(`SELECT actor_id, doel FROM audit_log WHERE actie = 'cijfers.exporteren' ORDER BY seq`)).rows;
    expect(audits.map((a) => a.doel)).toEqual(['formaat csv, periode 2024', 'formaat xlsx, periode 2024', 'formaat cbs, periode 2024-K2', 'formaat cbs, periode 2024']);
    expect(audits[2]!.actor_id).toBe(fx.user.beleidsmedewerker.id);
  });
});
